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
            return new Estimate(MarketSnapshot.Empty, plan.Legs.Select(_ => (SimulatedFill?)null).ToList(), new PlanExposure([]), true, [], local, local);
        var market = MarketReader.Read(run.Venue, run.ClientId, plan.Legs);
        // A market order is simulated as it would be sent: capped at the collar from the mid (LIMIT IOC).
        var collar = (run.Strategy?.Settings ?? new Strategies.StrategySettings()).PriceCollarPercent;
        var fills = plan.Legs.Select(leg => leg.IsCancel || !market.Books.TryGetValue(leg.Symbol, out var book)
            ? null
            : FillSimulator.Simulate(book, leg.Side, leg.Quantity,
                leg.LimitPrice ?? PriceCap.For(leg, book.Mid, collar, market.Rules.GetValueOrDefault(leg.Symbol)?.TickSize ?? 0m), market.TakerFeeRate)).ToList();
        // A cancel adds no order and no notional.
        var exposure = new PlanExposure(plan.Legs.Select((leg, i) => (leg, i)).Where(x => !x.leg.IsCancel).Select(x => Notional(x.leg, fills[x.i])).ToList());
        var withoutPrice = plan.Legs.Where(l => !l.IsCancel && l.Type == OrderType.Market && market.Mid(l.Symbol) is null)
            .Select(l => l.Symbol.Value).Distinct().ToList();
        var venueTime = run.VenueNow();
        var onlyReduces = PositionReduction.OnlyReduces(plan, market.Rules, market.Account?.Balances);
        return new Estimate(market, fills, exposure, onlyReduces, withoutPrice, local, venueTime);
    }

    /// <summary>A limit order is valued at its limit; a market order at its expected fill (the mid for any part the book lacks).</summary>
    private static decimal Notional(Plans.PlanLeg leg, SimulatedFill? fill) => leg.LimitPrice is { } price
        ? price * leg.Quantity
        : fill is null ? 0m : fill.Notional + (fill.RequestedQuantity - fill.FilledQuantity) * (fill.Mid ?? fill.AveragePrice);
}
