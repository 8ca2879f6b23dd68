using Robson.Core.Execution;

namespace Robson.Venues.Binance;

/// <summary>
/// An OCO order list seen as one order, from the states of its two legs. Only one leg can ever trade (when one fills or
/// triggers, the other expires), so the list is: ACKED while its legs wait (a triggered stop still waits on the book),
/// PARTIALLY_FILLED / FILLED by the leg that traded, CANCELED when canceled (with whatever had filled), EXPIRED or
/// REJECTED when every leg is.
/// </summary>
internal static class OrderListStatus
{
    public static OrderStatus Of(IReadOnlyList<(OrderStatus Status, decimal Executed)> legs)
    {
        if (legs.Count == 0 || legs.Any(l => l.Status == OrderStatus.Unknown)) return OrderStatus.Unknown;
        var executed = legs.Sum(l => l.Executed);
        if (legs.Any(l => l.Status.MayRest)) return executed > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Acked;
        if (legs.Any(l => l.Status == OrderStatus.Filled)) return OrderStatus.Filled;
        if (legs.Any(l => l.Status == OrderStatus.Canceled)) return OrderStatus.Canceled;
        if (legs.All(l => l.Status == OrderStatus.Expired)) return OrderStatus.Expired;
        if (legs.All(l => l.Status == OrderStatus.Rejected)) return OrderStatus.Rejected;
        return OrderStatus.Unknown;
    }
}
