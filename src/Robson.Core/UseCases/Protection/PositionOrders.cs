using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Core.UseCases.Protection;

/// <summary>
/// Orders Robson places for a position outside a plan's legs (protective and closing orders), with the same promise as
/// a leg: recorded PENDING and marked SENT (audited) in one transaction before the request leaves, sent once, and the
/// venue's answer recorded unless reconcile settled the order meanwhile.
/// </summary>
internal sealed class PositionOrders(RobsonEnvironment env)
{
    public sealed record Sent(OrderRecord Order, VenueOrderResult Answer);

    /// <summary>
    /// Records and sends <paramref name="order"/> with <paramref name="send"/> (given the time it was marked SENT); null when
    /// an order with its client order id is already recorded (another process placed it: it is never placed twice).
    /// </summary>
    public Sent? Place(IVenue venue, OrderRecord order, string description, Func<DateTimeOffset, VenueOrderResult> send)
    {
        var planHash = env.Store.FindPlan(order.ClientId, order.PlanId)?.Hash;
        try
        {
            // The venue's clock is read before the order is marked SENT: on a real venue the first read measures the
            // offset the order is signed with, and doing it after would age the SENT timestamp by that round trip.
            venue.Now();
        }
        catch (VenueUnavailableException e)
        {
            return new Sent(order, new VenueOrderResult(OrderStatus.Rejected, null, [], $"not sent: the venue's clock is unavailable ({e.Message})"));
        }
        if (MarkSent(order, description, planHash) is not { } sentAt)
            return null;
        VenueOrderResult answer;
        try
        {
            answer = send(sentAt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            answer = new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message); // looked up by reconcile, never re-sent
        }
        var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
        using var tx = env.Store.BeginExclusive(order.ClientId);
        var recorded = OrderOutcomes.RecordAnswer(env.Store, venue, order, answer, fees, planHash, env.Actor, env.Time.GetUtcNow());
        tx.Commit();
        return new Sent(recorded, answer);
    }

    private DateTimeOffset? MarkSent(OrderRecord order, string description, string? planHash)
    {
        var store = env.Store;
        using var tx = store.BeginExclusive(order.ClientId);
        if (store.FindOrder(order.ClientId, order.ClientOrderId) is not null)
            return null;
        store.InsertOrder(order);
        var sentAt = env.Time.GetUtcNow();
        store.ChangeOrderStatus(order.ClientId, order.ClientOrderId, OrderStatus.Pending, OrderStatus.Sent, sentAt);
        store.Append(new AuditEntry(order.ClientId, AuditKinds.OrderSent, OrderStatus.Sent.Wire, order.PlanId, planHash,
            Details.Of(("execution_id", order.ExecutionId), ("client_order_id", order.ClientOrderId), ("venue", order.Venue),
                ("role", order.Role.Wire), ("protects", order.Protects), ("order", description)), env.Actor, sentAt));
        tx.Commit();
        return sentAt;
    }
}
