using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;

namespace Robson.Core.UseCases.Protection;

/// <summary>
/// Sells an unprotected position at market (<c>--on-protection-failure close</c>), capped at the collar from the mid read
/// as it leaves, like any LIVE market order: recorded (role CLOSE) and marked SENT before it leaves, sent once, audited.
/// </summary>
public sealed class ClosePosition(RobsonEnvironment env)
{
    public sealed record Closed(OrderRecord Order, VenueOrderResult Answer);

    public Closed Sell(IVenue venue, OrderRecord entry, decimal quantity, StrategySettings settings)
    {
        var store = env.Store;
        var leg = new PlanLeg(entry.Symbol, OrderSide.Sell, OrderType.Market, quantity, null, null);
        var order = new OrderRecord($"{entry.ClientOrderId}-c1", entry.ClientId, entry.ExecutionId, entry.PlanId, entry.LegIndex, venue.Name,
            entry.Symbol, OrderSide.Sell, OrderType.Market, quantity, null, OrderStatus.Pending, 0m, 0m, 0m, null, env.Time.GetUtcNow())
        {
            Role = OrderRole.Close,
            Protects = entry.ClientOrderId,
        };
        decimal? cap;
        try
        {
            var rules = venue.FindSymbol(entry.Symbol);
            cap = PriceCap.For(leg, venue.GetOrderBook(entry.Symbol).Mid, settings.PriceCollarPercent, rules?.TickSize ?? 0m);
        }
        catch (VenueUnavailableException e)
        {
            return new Closed(order, new VenueOrderResult(OrderStatus.NotSent, null, [], $"not sent: no market price ({e.Message})"));
        }
        if (cap is null)
            return new Closed(order, new VenueOrderResult(OrderStatus.NotSent, null, [], "not sent: no market price to cap the order at"));

        var planHash = store.FindPlan(entry.ClientId, entry.PlanId)?.Hash;
        DateTimeOffset sentAt;
        using (var tx = store.BeginExclusive())
        {
            if (store.FindOrder(entry.ClientId, order.ClientOrderId) is { } existing)
                return new Closed(existing, new VenueOrderResult(existing.Status, existing.VenueOrderId, [], "a closing order was already sent"));
            store.InsertOrder(order);
            sentAt = env.Time.GetUtcNow();
            store.ChangeOrderStatus(order.ClientId, order.ClientOrderId, OrderStatus.Pending, OrderStatus.Sent, sentAt);
            store.Append(new AuditEntry(order.ClientId, AuditKinds.OrderSent, OrderStatus.Sent.Wire, order.PlanId, planHash,
                Details.Of(("execution_id", order.ExecutionId), ("client_order_id", order.ClientOrderId), ("venue", venue.Name),
                    ("role", order.Role.Wire), ("protects", entry.ClientOrderId), ("order", leg.Describe())), env.Actor, sentAt));
            tx.Commit();
        }
        VenueOrderResult answer;
        try
        {
            answer = venue.PlaceOrder(new VenueOrderRequest(order.ClientId, order.ClientOrderId, leg, cap, sentAt));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            answer = new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message);
        }
        var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
        using (var tx = store.BeginExclusive())
        {
            var current = store.FindOrder(order.ClientId, order.ClientOrderId) ?? order;
            if (current.Status == OrderStatus.Sent || (answer.Status.IsVenueConfirmed && !current.Status.IsVenueConfirmed))
                order = OrderOutcomes.Record(store, venue, current, answer, fees, planHash, env.Actor, env.Time.GetUtcNow(),
                    AuditKinds.ForAnswer(answer.Status, answer.Fills.Count > 0));
            tx.Commit();
        }
        return new Closed(order, answer);
    }
}
