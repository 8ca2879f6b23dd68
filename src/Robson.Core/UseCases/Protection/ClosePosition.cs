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

        if (new PositionOrders(env).Place(venue, order, leg.Describe(),
                sentAt => venue.PlaceOrder(new VenueOrderRequest(order.ClientId, order.ClientOrderId, leg, cap, sentAt))) is { } sent)
            return new Closed(sent.Order, sent.Answer);
        var existing = env.Store.FindOrder(entry.ClientId, order.ClientOrderId) ?? order;
        return new Closed(existing, new VenueOrderResult(existing.Status, existing.VenueOrderId, [], "a closing order was already sent"));
    }
}
