using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;

namespace Robson.Core.Validation;

/// <summary>
/// The venue's rules for each leg, with Binance's semantics: symbol status and every exchangeInfo filter
/// (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL, NOTIONAL, PERCENT_PRICE, PERCENT_PRICE_BY_SIDE;
/// NOTIONAL's maximum is reported as MAX_NOTIONAL_FILTER, its minimum as MIN_NOTIONAL).
/// Exact decimal arithmetic; never rounds: an off-step value fails and the message names the valid values
/// around it. A filter type Robson does not know is reported, not ignored.
/// </summary>
public sealed class SymbolRulesValidator : IPlanValidator
{
    public string Name => "SymbolRules";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        var legs = context.Legs; // a buy by quote amount sized from the book
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (leg.IsCancel) continue; // a sell plan's cancel of a protective order: no order of its own
            var legNo = i + 1;
            if (!context.Rules.TryGetValue(leg.Symbol, out var rules))
            {
                yield return ValidationIssue.Failure(ValidationCodes.SymbolUnknown, $"{leg.Symbol} is not listed on venue '{context.Plan.Venue}'", ("leg", legNo), ("symbol", leg.Symbol));
                continue;
            }
            if (!rules.IsTrading)
                yield return ValidationIssue.Failure(ValidationCodes.SymbolNotTrading, $"{leg.Symbol} is not trading (status {rules.Status})", ("leg", legNo), ("status", rules.Status));

            var reference = context.ReferencePrice(leg);
            var mid = context.FreshBook(leg.Symbol)?.Mid;
            // A buy by quote amount without a fresh book has no quantity to check yet: MarketSanity reports the missing price.
            var unsized = leg.IsByQuote && mid is null;
            foreach (var filter in rules.Filters.Where(f => !(unsized && f is LotSizeFilter)))
                foreach (var issue in Check(filter, leg, legNo, reference, mid, rules))
                    yield return issue;
        }
    }

    private static IEnumerable<ValidationIssue> Check(SymbolFilter filter, PlanLeg leg, int legNo, decimal? reference, decimal? mid, SymbolRules rules) => filter switch
    {
        PriceFilter f when leg.LimitPrice is { } price => CheckPrice(f, price, legNo),
        LotSizeFilter { ForMarket: false } f => CheckLot(f, ValidationCodes.LotSize, leg, legNo),
        LotSizeFilter { ForMarket: true } f when leg.Type == OrderType.Market => CheckLot(f, ValidationCodes.MarketLotSize, leg, legNo),
        MinNotionalFilter f when leg.Type == OrderType.Limit || f.ApplyToMarket => CheckNotional(f.MinNotional, null, leg, legNo, reference, rules),
        NotionalFilter f => CheckNotional(
            leg.Type == OrderType.Limit || f.ApplyMinToMarket ? f.MinNotional : 0m,
            leg.Type == OrderType.Limit || f.ApplyMaxToMarket ? f.MaxNotional : null, leg, legNo, reference, rules),
        PercentPriceFilter f when leg.LimitPrice is { } price => CheckBand(f.Type, f.MultiplierDown, f.MultiplierUp, price, mid, legNo),
        PercentPriceBySideFilter f when leg.LimitPrice is { } price => leg.Side == OrderSide.Buy
            ? CheckBand(f.Type, f.BidMultiplierDown, f.BidMultiplierUp, price, mid, legNo)
            : CheckBand(f.Type, f.AskMultiplierDown, f.AskMultiplierUp, price, mid, legNo),
        UnknownFilter f => [ValidationIssue.Warning(ValidationCodes.UnknownFilter,
            $"The venue applies filter {f.Type} to {leg.Symbol}, which Robson does not know: it was not checked and the venue may reject the order",
            ("leg", legNo), ("filter", f.Type))],
        _ => [],
    };

    private static IEnumerable<ValidationIssue> CheckPrice(PriceFilter f, decimal price, int legNo)
    {
        if (f.MinPrice > 0 && price < f.MinPrice)
            yield return ValidationIssue.Failure(ValidationCodes.PriceFilter, $"Price {Decimals.Canonical(price)} is below the minimum {Decimals.Canonical(f.MinPrice)}",
                ("leg", legNo), ("price", price), ("min_price", f.MinPrice));
        if (f.MaxPrice > 0 && price > f.MaxPrice)
            yield return ValidationIssue.Failure(ValidationCodes.PriceFilter, $"Price {Decimals.Canonical(price)} is above the maximum {Decimals.Canonical(f.MaxPrice)}",
                ("leg", legNo), ("price", price), ("max_price", f.MaxPrice));
        if (f.TickSize > 0 && !Decimals.IsMultipleOf(price - f.MinPrice, f.TickSize))
        {
            var below = f.MinPrice + Decimals.FloorToStep(price - f.MinPrice, f.TickSize);
            var above = below + f.TickSize;
            yield return ValidationIssue.Failure(ValidationCodes.PriceFilter,
                $"Price {Decimals.Canonical(price)} is not a multiple of the tick size {Decimals.Canonical(f.TickSize)}: nearest valid prices are {Decimals.Canonical(below)} and {Decimals.Canonical(above)}",
                ("leg", legNo), ("price", price), ("tick_size", f.TickSize), ("valid_below", below), ("valid_above", above));
        }
    }

    private static IEnumerable<ValidationIssue> CheckLot(LotSizeFilter f, string code, PlanLeg leg, int legNo)
    {
        var name = f.Type;
        var quantity = leg.Quantity;
        if (leg.QuoteQuantity is { } quote && quantity < f.MinQty)
        {
            // The estimate is what the quote amount buys at today's asks, rounded down to the step.
            yield return ValidationIssue.Failure(code,
                $"Spending {Decimals.Canonical(quote)} buys an estimated {Decimals.Canonical(quantity)}, below the {name} minimum {Decimals.Canonical(f.MinQty)}",
                ("leg", legNo), ("quote_quantity", quote), ("estimated_quantity", quantity), ("min_qty", f.MinQty));
            yield break;
        }
        if (quantity < f.MinQty)
            yield return ValidationIssue.Failure(code, $"Quantity {Decimals.Canonical(quantity)} is below the {name} minimum {Decimals.Canonical(f.MinQty)}",
                ("leg", legNo), ("quantity", quantity), ("min_qty", f.MinQty));
        if (f.MaxQty > 0 && quantity > f.MaxQty)
            yield return ValidationIssue.Failure(code, $"Quantity {Decimals.Canonical(quantity)} is above the {name} maximum {Decimals.Canonical(f.MaxQty)}",
                ("leg", legNo), ("quantity", quantity), ("max_qty", f.MaxQty));
        if (f.StepSize > 0 && quantity >= f.MinQty && !Decimals.IsMultipleOf(quantity - f.MinQty, f.StepSize))
        {
            var below = f.MinQty + Decimals.FloorToStep(quantity - f.MinQty, f.StepSize);
            var above = below + f.StepSize;
            yield return ValidationIssue.Failure(code,
                $"Quantity {Decimals.Canonical(quantity)} is not a multiple of the {name} step size {Decimals.Canonical(f.StepSize)}: nearest valid quantities are {Decimals.Canonical(below)} and {Decimals.Canonical(above)}",
                ("leg", legNo), ("quantity", quantity), ("step_size", f.StepSize), ("valid_below", below), ("valid_above", above));
        }
    }

    private static IEnumerable<ValidationIssue> CheckNotional(decimal min, decimal? max, PlanLeg leg, int legNo, decimal? reference, SymbolRules rules)
    {
        if (leg.QuoteQuantity is { } quote)
        {
            // A buy by quote amount is valued at the amount itself, as the venue checks quoteOrderQty.
            foreach (var issue in CheckNotionalValue(quote, min, max, legNo, reference, rules)) yield return issue;
            yield break;
        }
        if (reference is not { } price)
        {
            yield return ValidationIssue.Failure(ValidationCodes.MarketDataStale, $"No current market price for {leg.Symbol}: cannot check the order's value", ("leg", legNo));
            yield break;
        }
        foreach (var issue in CheckNotionalValue(price * leg.Quantity, min, max, legNo, price, rules)) yield return issue;
    }

    private static IEnumerable<ValidationIssue> CheckNotionalValue(decimal notional, decimal min, decimal? max, int legNo, decimal? price, SymbolRules rules)
    {
        if (notional < min)
            yield return ValidationIssue.Failure(ValidationCodes.MinNotional,
                $"Order value {Decimals.Canonical(notional)} {rules.QuoteAsset} is below the minimum {Decimals.Canonical(min)}",
                ("leg", legNo), ("notional", notional), ("min_notional", min), ("price_used", price));
        if (max is > 0 && notional > max)
            yield return ValidationIssue.Failure(ValidationCodes.MaxNotionalFilter,
                $"Order value {Decimals.Canonical(notional)} {rules.QuoteAsset} is above the venue's maximum {Decimals.Canonical(max.Value)}",
                ("leg", legNo), ("notional", notional), ("max_notional", max), ("price_used", price));
    }

    private static IEnumerable<ValidationIssue> CheckBand(string filter, decimal down, decimal up, decimal price, decimal? mid, int legNo)
    {
        if (mid is not { } reference) yield break; // MarketSanity reports the missing price once.
        var low = reference * down;
        var high = reference * up;
        if ((down > 0 && price < low) || (up > 0 && price > high))
            yield return ValidationIssue.Failure(ValidationCodes.PercentPrice,
                $"Price {Decimals.Canonical(price)} is outside the venue's {filter} band {Decimals.Canonical(low)} - {Decimals.Canonical(high)} around {Decimals.Canonical(reference)}",
                ("leg", legNo), ("price", price), ("band_low", low), ("band_high", high), ("reference_price", reference));
    }
}
