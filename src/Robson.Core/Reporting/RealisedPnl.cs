using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Reporting;

/// <summary>
/// Realised P&amp;L by the average-cost method, fees included: a buy adds its cost plus fee to the position's
/// cost basis; a sell realises (price − average cost) × quantity − fee. Quantity sold beyond what Robson
/// bought has no known cost, so it realises only its fee. A position is a symbol on one venue
/// (<see cref="VenueSymbol"/>): a buy on one venue is never part of the cost basis of a sell on another.
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
        var positions = new Dictionary<VenueSymbol, (decimal Quantity, decimal Cost)>();
        foreach (var fill in fills.OrderBy(f => f.FilledAt))
        {
            var fillDay = DateOnly.FromDateTime(fill.FilledAt.UtcDateTime);
            if (fillDay > through) yield break;
            var position = new VenueSymbol(fill.Venue, fill.Symbol);
            var (quantity, cost) = positions.GetValueOrDefault(position);
            if (fill.Side == OrderSide.Buy)
            {
                positions[position] = (quantity + fill.Quantity, cost + fill.Price * fill.Quantity + fill.FeeInQuote);
                continue;
            }

            var matched = Math.Min(quantity, fill.Quantity);
            // Closing the whole position takes the whole cost, so no rounding of cost/quantity is left behind.
            var matchedCost = matched == quantity ? cost : quantity > 0 ? cost * matched / quantity : 0m;
            positions[position] = (quantity - matched, cost - matchedCost);
            yield return new RealisedSale(fill, fillDay, fill.Price * matched - matchedCost - fill.FeeInQuote);
        }
    }
}

/// <summary>One sell fill, the UTC day it happened and the P&amp;L it realised.</summary>
public sealed record RealisedSale(FillRecord Fill, DateOnly Day, decimal Pnl)
{
    public VenueSymbol Position => new(Fill.Venue, Fill.Symbol);
}
