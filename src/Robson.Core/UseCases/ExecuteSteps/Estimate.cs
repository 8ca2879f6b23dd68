using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Market;
using Robson.Core.Validation;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>
/// Step 2: the market as it is now (books, rules, balances where the venue gives them) and the venue's clock, read
/// before the lock because they may be slow; what each leg would fill and add to the day's figures.
/// </summary>
internal sealed record Estimate(
    IReadOnlyList<Plans.PlanLeg> Legs,
    MarketSnapshot Market,
    IReadOnlyList<SimulatedFill?> Fills,
    PlanExposure Exposure,
    bool OnlyReduces,
    IReadOnlyList<string> SymbolsWithoutPrice,
    DateTimeOffset LocalTime,
    DateTimeOffset VenueTime)
{
    /// <exception cref="Ports.VenueUnavailableException">The venue could not answer: nothing was reserved or sent.</exception>
    public static Estimate Read(ExecutionRun run)
    {
        var plan = run.Plan;
        var local = run.Env.Time.GetUtcNow();
        // A cancel depends on no market, no account and no day: taking an order off the book needs only the venue.
        if (plan.Kind == PlanKind.Cancel)
            return new Estimate(plan.Legs, MarketSnapshot.Empty, plan.Legs.Select(_ => (SimulatedFill?)null).ToList(), new PlanExposure([]), true, [], local, local);
        var market = MarketReader.Read(run.Venue, run.ClientId, plan.Legs);
        // A buy by quote amount is estimated at the quantity the asks give it now (rounded down to the step).
        var legs = plan.Legs.Select(leg => QuoteSizing.Sized(leg, leg.IsByQuote ? market.Books.GetValueOrDefault(leg.Symbol) : null,
            market.Rules.GetValueOrDefault(leg.Symbol))).ToList();
        // A market order is simulated as it would be sent: capped at the collar from the mid (LIMIT IOC).
        var collar = (run.Strategy?.Settings ?? new Strategies.StrategySettings()).PriceCollarPercent;
        var caps = legs.Select(leg => leg.IsCancel ? null
            : PriceCap.For(leg, market.Mid(leg.Symbol), collar, market.Rules.GetValueOrDefault(leg.Symbol)?.TickSize ?? 0m)).ToList();
        var fills = legs.Select((leg, i) => leg.IsCancel || !market.Books.TryGetValue(leg.Symbol, out var book)
            ? null
            : FillSimulator.Simulate(book, leg.Side, leg.Quantity, leg.LimitPrice ?? caps[i], market.TakerFeeRate)).ToList();
        // A cancel adds no order and no notional.
        var orders = legs.Select((leg, i) => (leg, i)).Where(x => !x.leg.IsCancel).ToList();
        var exposure = new PlanExposure(orders.Select(x => Notional(x.leg, fills[x.i], caps[x.i])).ToList())
        {
            ExpectedNotionals = orders.Select(x => Notional(x.leg, fills[x.i], cap: null)).ToList(),
        };
        var withoutPrice = plan.Legs.Where(l => !l.IsCancel && l.Type == OrderType.Market && market.Mid(l.Symbol) is null)
            .Select(l => l.Symbol.Value).Distinct().ToList();
        var venueTime = run.VenueNow();
        var onlyReduces = PositionReduction.OnlyReduces(plan, market.Rules, market.Account?.Balances);
        return new Estimate(legs, market, fills, exposure, onlyReduces, withoutPrice, local, venueTime);
    }

    /// <summary>
    /// What an order can add to the day's notional at most: a buy by quote amount that amount; a limit order its limit; a market buy its cap (it cannot fill
    /// beyond it, however the book moves before it leaves); a market sell its expected fill (the mid for any part the
    /// book lacks), which the bid bounds.
    /// </summary>
    private static decimal Notional(Plans.PlanLeg leg, SimulatedFill? fill, decimal? cap) => leg.QuoteQuantity is { } quote
        ? quote
        : leg.LimitPrice is { } price
        ? price * leg.Quantity
        : leg.Side == OrderSide.Buy && cap is { } c ? c * leg.Quantity
        : fill is null ? 0m : fill.Notional + (fill.RequestedQuantity - fill.FilledQuantity) * (fill.Mid ?? fill.AveragePrice);
}
