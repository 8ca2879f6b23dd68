using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

/// <summary>How paper fills are made and paid: 0.1 % fee in the quote asset, trade ids that are never reused.</summary>
internal static class PaperTrades
{
    /// <summary>
    /// Fills at the given levels, numbered after the order's earlier fills (<c>{clientOrderId}-t{n}</c>): an order's
    /// fills are only ever appended, so a trade id is never given twice and Robson records each fill once.
    /// </summary>
    public static List<VenueFill> Make(string clientOrderId, int earlierFills, IEnumerable<BookLevel> levels, string quoteAsset) =>
        levels.Where(l => l.Quantity > 0)
            .Select((l, i) => new VenueFill(l.Price, l.Quantity, l.Price * l.Quantity * PaperVenue.FeeRate, quoteAsset, $"{clientOrderId}-t{earlierFills + i + 1}"))
            .ToList();

    /// <summary>
    /// Settles fills of a resting order out of its lock: a buy pays price × quantity and the fee from the locked quote
    /// and receives the base asset; a sell gives locked base and receives the proceeds less the fee. Once it is FILLED,
    /// whatever the lock still holds goes back to the free balance.
    /// </summary>
    public static PaperOrderRecord SettleFromLock(PaperOrderRecord order, IReadOnlyList<VenueFill> fills, PaperAccount account, SymbolRules rules)
    {
        var locked = order.Locked;
        foreach (var fill in fills)
        {
            var notional = fill.Price * fill.Quantity;
            if (order.Side == OrderSide.Buy)
            {
                locked -= notional + fill.Commission;
                account.Add(rules.BaseAsset, fill.Quantity);
            }
            else
            {
                locked -= fill.Quantity;
                account.Add(rules.QuoteAsset, notional - fill.Commission);
            }
        }
        var all = order.Fills.Concat(fills).ToList();
        var done = all.Sum(f => f.Quantity) >= order.Quantity;
        if (done && order.LockedAsset is { } asset && locked != 0)
        {
            account.Add(asset, locked);
            locked = 0;
        }
        var status = done ? OrderStatus.Filled : all.Count > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Acked;
        return order with { Fills = all, Status = status, Locked = locked };
    }
}
