using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Reporting;

/// <summary>
/// Realised P&amp;L by the average-cost method, fees included, replayed from fills oldest first, one
/// <see cref="Position.Apply(FillRecord)"/> step per fill: a buy adds its cost plus fee to the position's cost basis;
/// a sell realises (price − average cost) × quantity − fee. Quantity sold beyond what Robson bought has no known cost,
/// so it realises only its fee. A position is a symbol on one venue (<see cref="VenueSymbol"/>): a buy on one venue is
/// never part of the cost basis of a sell on another. Stores keep the same figures as fills are recorded (positions and
/// realised P&amp;L by day), so execution never replays history; this replay is their reference.
/// </summary>
public static class RealisedPnl
{
    /// <summary>P&amp;L realised on <paramref name="day"/>, by venue and symbol, from every fill through that day (oldest first).</summary>
    public static IReadOnlyDictionary<VenueSymbol, decimal> ForDay(IEnumerable<FillRecord> fills, DateOnly day) => ForPeriod(fills, day, day);

    public static decimal TotalForDay(IEnumerable<FillRecord> fills, DateOnly day) => ForDay(fills, day).Values.Sum();

    /// <summary>
    /// P&amp;L realised from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive), by venue and symbol,
    /// from every fill through <paramref name="to"/>: earlier fills only set the cost basis. A position appears once a sell realised.
    /// </summary>
    public static IReadOnlyDictionary<VenueSymbol, decimal> ForPeriod(IEnumerable<FillRecord> fills, DateOnly from, DateOnly to)
    {
        var realised = new Dictionary<VenueSymbol, decimal>();
        foreach (var sale in Sales(fills, to))
            if (sale.Day >= from)
                realised[sale.Position] = realised.GetValueOrDefault(sale.Position) + sale.Pnl;
        return realised;
    }

    /// <summary>Each sell fill through <paramref name="through"/> with the P&amp;L it realised, oldest first.</summary>
    public static IEnumerable<RealisedSale> Sales(IEnumerable<FillRecord> fills, DateOnly through)
    {
        var positions = new Dictionary<VenueSymbol, Position>();
        foreach (var fill in fills.OrderBy(f => f.FilledAt))
        {
            var fillDay = DateOnly.FromDateTime(fill.FilledAt.UtcDateTime);
            if (fillDay > through) yield break;
            var key = new VenueSymbol(fill.Venue, fill.Symbol);
            var (after, realised) = positions.GetValueOrDefault(key, Position.Flat).Apply(fill);
            positions[key] = after;
            if (realised is { } pnl)
                yield return new RealisedSale(fill, fillDay, pnl);
        }
    }

    /// <summary>What the sells realised, by venue, symbol and UTC day of the fill, oldest day first: what a store keeps as it records them.</summary>
    public static IReadOnlyList<RealisedDay> ByDay(IEnumerable<FillRecord> fills) =>
        Sales(fills, DateOnly.MaxValue)
            .GroupBy(s => (s.Fill.Venue, s.Fill.Symbol, s.Day))
            .Select(g => new RealisedDay(g.Key.Venue, g.Key.Symbol, g.Key.Day, g.Aggregate(0m, (sum, s) => sum + s.Pnl), g.Count()))
            .OrderBy(r => r.Day).ThenBy(r => r.Venue, StringComparer.Ordinal).ThenBy(r => r.Symbol.Value, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every position (venue and symbol) after the fills, taken oldest first: what a store keeps as it records them.</summary>
    public static IReadOnlyDictionary<VenueSymbol, Position> Positions(IEnumerable<FillRecord> fills)
    {
        var positions = new Dictionary<VenueSymbol, Position>();
        foreach (var fill in fills.OrderBy(f => f.FilledAt))
        {
            var key = new VenueSymbol(fill.Venue, fill.Symbol);
            positions[key] = positions.GetValueOrDefault(key, Position.Flat).Apply(fill).After;
        }
        return positions;
    }
}

/// <summary>One sell fill, the UTC day it happened and the P&amp;L it realised.</summary>
public sealed record RealisedSale(FillRecord Fill, DateOnly Day, decimal Pnl)
{
    public VenueSymbol Position => new(Fill.Venue, Fill.Symbol);
}
