using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>
/// Fat-finger and market sanity: a stale or missing price fails; a limit price farther than the strategy's
/// collar from the mid fails; a market order is walked through the book (fails when the book cannot fill
/// it, fails above max_slippage_percent and warns above the strategy's warning threshold); no order above max notional per order.
/// </summary>
public sealed class MarketSanityValidator : IPlanValidator
{
    public string Name => "MarketSanity";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        var settings = context.Strategy?.Settings ?? new Strategies.StrategySettings();
        var legs = context.Legs; // a buy by quote amount sized from the book
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (leg.IsCancel) continue; // a sell plan's cancel of a protective order: no order of its own
            var legNo = i + 1;
            if (!context.Rules.ContainsKey(leg.Symbol)) continue;
            if (context.FreshBook(leg.Symbol) is not { Mid: { } mid } book)
            {
                var asOf = context.Books.TryGetValue(leg.Symbol, out var stale) ? stale.AsOf.ToString("O") : "none";
                yield return ValidationIssue.Failure(ValidationCodes.MarketDataStale,
                    $"No fresh market price for {leg.Symbol} (older than {context.MaxMarketDataAge.TotalSeconds:0} s or missing): refusing to guess",
                    ("leg", legNo), ("book_as_of", asOf), ("now", context.Now.ToString("O")));
                continue;
            }

            if (leg.LimitPrice is { } price)
            {
                var distance = Math.Abs(price - mid) / mid * 100m;
                if (distance > settings.PriceCollarPercent)
                    yield return ValidationIssue.Failure(ValidationCodes.PriceCollar,
                        $"Limit {Decimals.Canonical(price)} is {Decimals.Canonical(Math.Round(distance, 6))} % from the mid {Decimals.Canonical(mid)}, beyond the {Decimals.Canonical(settings.PriceCollarPercent)} % collar: check for a typo",
                        ("leg", legNo), ("price", price), ("mid", mid), ("distance_percent", Math.Round(distance, 8)), ("collar_percent", settings.PriceCollarPercent));
            }

            var fill = Market.FillSimulator.Simulate(book, leg.Side, leg.Quantity, leg.LimitPrice, context.TakerFeeRate);
            if (leg.Type == OrderType.Market)
            {
                // A buy by quote amount is sized from the asks, so it always "fills": the question is whether the asks can take the amount.
                if (leg.QuoteQuantity is { } quote && Market.QuoteSizing.Depth(book) < quote)
                    yield return ValidationIssue.Failure(ValidationCodes.InsufficientDepth,
                        $"The book's asks can take only {Decimals.Canonical(Math.Round(Market.QuoteSizing.Depth(book), 8))} of the {Decimals.Canonical(quote)} to spend on {leg.Symbol}",
                        ("leg", legNo), ("book_value", Math.Round(Market.QuoteSizing.Depth(book), 8)), ("quote_quantity", quote));
                else if (leg.IsByQuote && QuoteWorstPrice(fill) is { } worst && worst > mid * (1 + settings.PriceCollarPercent / 100m))
                    // A quote buy leaves without a price (quoteOrderQty), so the collar that caps every other market order
                    // is checked here, on the levels the amount would reach, at validation and again as it leaves.
                    yield return ValidationIssue.Failure(ValidationCodes.PriceCollar,
                        $"Spending {Decimals.Canonical(leg.QuoteQuantity!.Value)} on {leg.Symbol} would buy up to {Decimals.Canonical(worst)}, {Decimals.Canonical(Math.Round((worst - mid) / mid * 100m, 6))} % above the mid {Decimals.Canonical(mid)}, " +
                        $"beyond the {Decimals.Canonical(settings.PriceCollarPercent)} % collar: spend less, or use --limit",
                        ("leg", legNo), ("worst_price", worst), ("mid", mid), ("distance_percent", Math.Round((worst - mid) / mid * 100m, 8)),
                        ("collar_percent", settings.PriceCollarPercent), ("quote_quantity", leg.QuoteQuantity!.Value));
                else if (!fill.FullyFilled)
                    yield return ValidationIssue.Failure(ValidationCodes.InsufficientDepth,
                        $"The book can fill only {Decimals.Canonical(fill.FilledQuantity)} of {Decimals.Canonical(leg.Quantity)} {leg.Symbol}",
                        ("leg", legNo), ("fillable_quantity", fill.FilledQuantity), ("quantity", leg.Quantity));
                else if (settings.MaxSlippagePercent is { } maxSlippage && fill.SlippageBps / 100m > maxSlippage)
                    yield return ValidationIssue.Failure(ValidationCodes.MaxSlippageExceeded,
                        $"Expected slippage {Decimals.Canonical(fill.SlippageBps / 100m)} % against the mid exceeds max_slippage_percent {Decimals.Canonical(maxSlippage)} %",
                        ("leg", legNo), ("expected_average_price", fill.AveragePrice), ("mid", mid), ("slippage_percent", fill.SlippageBps / 100m),
                        ("max_slippage_percent", maxSlippage));
                else if (fill.SlippageBps / 100m > settings.SlippageWarningPercent)
                    yield return ValidationIssue.Warning(ValidationCodes.HighSlippage,
                        $"Expected slippage {Decimals.Canonical(fill.SlippageBps / 100m)} % against the mid exceeds {Decimals.Canonical(settings.SlippageWarningPercent)} %",
                        ("leg", legNo), ("expected_average_price", fill.AveragePrice), ("mid", mid), ("slippage_percent", fill.SlippageBps / 100m),
                        ("threshold_percent", settings.SlippageWarningPercent));
            }

            var notional = leg.QuoteQuantity ?? (leg.LimitPrice is { } limit ? limit * leg.Quantity : fill.Notional);
            if (settings.MaxNotionalPerOrder is { } maxPerOrder && notional > maxPerOrder)
                yield return ValidationIssue.Failure(ValidationCodes.MaxNotionalPerOrder,
                    $"Order value {Decimals.Canonical(Math.Round(notional, 8))} exceeds max_notional_per_order {Decimals.Canonical(maxPerOrder)}",
                    ("leg", legNo), ("notional", Math.Round(notional, 8)), ("max_notional_per_order", maxPerOrder));
        }
    }

    /// <summary>The highest ask a buy by quote amount would take, from its simulated walk.</summary>
    private static decimal? QuoteWorstPrice(Market.SimulatedFill fill) => fill.Fills.Count == 0 ? null : fill.Fills.Max(l => l.Price);
}
