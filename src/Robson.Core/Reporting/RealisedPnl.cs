using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Reporting;

/// <summary>
/// Realised P&amp;L by the average-cost method, fees included: a buy adds its cost plus fee to the position's
/// cost basis; a sell realises (price − average cost) × quantity − fee. Quantity sold beyond what Robson
/// bought has no known cost, so it realises only its fee.
/// </summary>
public static class RealisedPnl
{
    /// <summary>P&amp;L realised on <paramref name="day"/>, by symbol, from every fill through that day (oldest first).</summary>
    public static IReadOnlyDictionary<Symbol, decimal> ForDay(IEnumerable<FillRecord> fills, DateOnly day) => ForPeriod(fills, day, day);

    public static decimal TotalForDay(IEnumerable<FillRecord> fills, DateOnly day) => ForDay(fills, day).Values.Sum();

    /// <summary>
    /// P&amp;L realised from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive), by symbol, from
    /// every fill through <paramref name="to"/>: earlier fills only set the cost basis. A symbol appears once a sell realised.
    /// </summary>
    public static IReadOnlyDictionary<Symbol, decimal> ForPeriod(IEnumerable<FillRecord> fills, DateOnly from, DateOnly to)
    {
        var realised = new Dictionary<Symbol, decimal>();
        foreach (var sale in Sales(fills, to))
            if (sale.Day >= from)
                realised[sale.Fill.Symbol] = realised.GetValueOrDefault(sale.Fill.Symbol) + sale.Pnl;
        return realised;
    }

    /// <summary>Each sell fill through <paramref name="through"/> with the P&amp;L it realised, oldest first.</summary>
    public static IEnumerable<RealisedSale> Sales(IEnumerable<FillRecord> fills, DateOnly through)
    {
        var positions = new Dictionary<Symbol, (decimal Quantity, decimal Cost)>();
        foreach (var fill in fills.OrderBy(f => f.FilledAt))
        {
            var fillDay = DateOnly.FromDateTime(fill.FilledAt.UtcDateTime);
            if (fillDay > through) yield break;
            var (quantity, cost) = positions.GetValueOrDefault(fill.Symbol);
            if (fill.Side == OrderSide.Buy)
            {
                positions[fill.Symbol] = (quantity + fill.Quantity, cost + fill.Price * fill.Quantity + fill.FeeInQuote);
                continue;
            }

            var matched = Math.Min(quantity, fill.Quantity);
            // Closing the whole position takes the whole cost, so no rounding of cost/quantity is left behind.
            var matchedCost = matched == quantity ? cost : quantity > 0 ? cost * matched / quantity : 0m;
            positions[fill.Symbol] = (quantity - matched, cost - matchedCost);
            yield return new RealisedSale(fill, fillDay, fill.Price * matched - matchedCost - fill.FeeInQuote);
        }
    }
}

/// <summary>One sell fill, the UTC day it happened and the P&amp;L it realised.</summary>
public sealed record RealisedSale(FillRecord Fill, DateOnly Day, decimal Pnl);
