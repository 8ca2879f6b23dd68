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
    public static IReadOnlyDictionary<Symbol, decimal> ForDay(IEnumerable<FillRecord> fills, DateOnly day)
    {
        var positions = new Dictionary<Symbol, (decimal Quantity, decimal Cost)>();
        var realised = new Dictionary<Symbol, decimal>();
        foreach (var fill in fills.OrderBy(f => f.FilledAt))
        {
            var fillDay = DateOnly.FromDateTime(fill.FilledAt.UtcDateTime);
            if (fillDay > day) break;
            var (quantity, cost) = positions.GetValueOrDefault(fill.Symbol);
            if (fill.Side == OrderSide.Buy)
            {
                positions[fill.Symbol] = (quantity + fill.Quantity, cost + fill.Price * fill.Quantity + fill.FeeInQuote);
                continue;
            }

            var matched = Math.Min(quantity, fill.Quantity);
            // Closing the whole position takes the whole cost, so no rounding of cost/quantity is left behind.
            var matchedCost = matched == quantity ? cost : quantity > 0 ? cost * matched / quantity : 0m;
            var pnl = fill.Price * matched - matchedCost - fill.FeeInQuote;
            positions[fill.Symbol] = (quantity - matched, cost - matchedCost);
            if (fillDay == day)
                realised[fill.Symbol] = realised.GetValueOrDefault(fill.Symbol) + pnl;
        }
        return realised;
    }

    public static decimal TotalForDay(IEnumerable<FillRecord> fills, DateOnly day) => ForDay(fills, day).Values.Sum();
}
