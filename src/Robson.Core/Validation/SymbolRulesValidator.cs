using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Core.Validation;

/// <summary>
/// The venue's rules for each leg's symbol, with Binance's semantics: status TRADING; PRICE_FILTER
/// (min, max, tick); LOT_SIZE (min, max, step); MIN_NOTIONAL (price × quantity, market orders at the
/// current mid). Never rounds: an off-step value fails and the message names the valid values around it.
/// </summary>
public sealed class SymbolRulesValidator : IPlanValidator
{
    public string Name => "SymbolRules";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Plan.Legs.Count; i++)
        {
            var leg = context.Plan.Legs[i];
            var legNo = i + 1;
            if (!context.Rules.TryGetValue(leg.Symbol, out var rules))
            {
                yield return ValidationIssue.Failure(ValidationCodes.SymbolUnknown, $"{leg.Symbol} is not listed on venue '{context.Plan.Venue}'", ("leg", legNo), ("symbol", leg.Symbol));
                continue;
            }
            if (!rules.IsTrading)
                yield return ValidationIssue.Failure(ValidationCodes.SymbolNotTrading, $"{leg.Symbol} is not trading (status {rules.Status})", ("leg", legNo), ("status", rules.Status));

            if (leg.LimitPrice is { } price)
                foreach (var issue in CheckPrice(rules, price, legNo))
                    yield return issue;
            foreach (var issue in CheckQuantity(rules, leg.Quantity, legNo))
                yield return issue;

            var reference = leg.LimitPrice ?? (context.Books.TryGetValue(leg.Symbol, out var book) ? book.Mid : null);
            if (reference is not { } notionalPrice)
            {
                yield return ValidationIssue.Failure(ValidationCodes.MarketDataStale, $"No market price for {leg.Symbol}: cannot check notional", ("leg", legNo));
                continue;
            }
            var notional = notionalPrice * leg.Quantity;
            if (notional < rules.MinNotional)
                yield return ValidationIssue.Failure(ValidationCodes.MinNotional,
                    $"Order value {Decimals.Canonical(notional)} {rules.QuoteAsset} is below the minimum {Decimals.Canonical(rules.MinNotional)}",
                    ("leg", legNo), ("notional", notional), ("min_notional", rules.MinNotional), ("price_used", notionalPrice));
        }
    }

    private static IEnumerable<ValidationIssue> CheckPrice(SymbolRules rules, decimal price, int legNo)
    {
        if (rules.MinPrice > 0 && price < rules.MinPrice)
            yield return ValidationIssue.Failure(ValidationCodes.PriceFilter, $"Price {Decimals.Canonical(price)} is below the minimum {Decimals.Canonical(rules.MinPrice)}",
                ("leg", legNo), ("price", price), ("min_price", rules.MinPrice));
        if (rules.MaxPrice > 0 && price > rules.MaxPrice)
            yield return ValidationIssue.Failure(ValidationCodes.PriceFilter, $"Price {Decimals.Canonical(price)} is above the maximum {Decimals.Canonical(rules.MaxPrice)}",
                ("leg", legNo), ("price", price), ("max_price", rules.MaxPrice));
        if (rules.TickSize > 0 && !Decimals.IsMultipleOf(price - rules.MinPrice, rules.TickSize))
        {
            var below = rules.MinPrice + Decimals.FloorToStep(price - rules.MinPrice, rules.TickSize);
            var above = below + rules.TickSize;
            yield return ValidationIssue.Failure(ValidationCodes.PriceFilter,
                $"Price {Decimals.Canonical(price)} is not a multiple of the tick size {Decimals.Canonical(rules.TickSize)}: nearest valid prices are {Decimals.Canonical(below)} and {Decimals.Canonical(above)}",
                ("leg", legNo), ("price", price), ("tick_size", rules.TickSize), ("valid_below", below), ("valid_above", above));
        }
    }

    private static IEnumerable<ValidationIssue> CheckQuantity(SymbolRules rules, decimal quantity, int legNo)
    {
        if (quantity < rules.MinQty)
            yield return ValidationIssue.Failure(ValidationCodes.LotSize, $"Quantity {Decimals.Canonical(quantity)} is below the minimum {Decimals.Canonical(rules.MinQty)}",
                ("leg", legNo), ("quantity", quantity), ("min_qty", rules.MinQty));
        if (rules.MaxQty > 0 && quantity > rules.MaxQty)
            yield return ValidationIssue.Failure(ValidationCodes.LotSize, $"Quantity {Decimals.Canonical(quantity)} is above the maximum {Decimals.Canonical(rules.MaxQty)}",
                ("leg", legNo), ("quantity", quantity), ("max_qty", rules.MaxQty));
        if (rules.StepSize > 0 && !Decimals.IsMultipleOf(quantity - rules.MinQty, rules.StepSize))
        {
            var below = rules.MinQty + Decimals.FloorToStep(quantity - rules.MinQty, rules.StepSize);
            var above = below + rules.StepSize;
            yield return ValidationIssue.Failure(ValidationCodes.LotSize,
                $"Quantity {Decimals.Canonical(quantity)} is not a multiple of the step size {Decimals.Canonical(rules.StepSize)}: nearest valid quantities are {Decimals.Canonical(below)} and {Decimals.Canonical(above)}",
                ("leg", legNo), ("quantity", quantity), ("step_size", rules.StepSize), ("valid_below", below), ("valid_above", above));
        }
    }
}
