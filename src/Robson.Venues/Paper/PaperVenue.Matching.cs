using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

public sealed partial class PaperVenue
{
    /// <summary>
    /// Fills what a new mid price crosses among every tenant's resting orders on the symbol, oldest first. Call it in
    /// the exclusive transaction that sets the price (<see cref="PaperDesk.SetPrice"/>): a BUY limit fills when the mid
    /// is at or below its limit, a SELL limit (or take-profit) at or above it, both as maker at their own price; a SELL
    /// stop triggers when the mid is at or below its stop, then sells into the bids around the new mid no lower than its
    /// limit, and what does not fill rests as a limit at that price. When an OCO leg fills or triggers, the other
    /// expires. Returns the orders that filled, with their new fills.
    /// </summary>
    internal IReadOnlyList<PaperOrderFill> FillCrossedOrders(Symbol symbol, decimal mid, DateTimeOffset now)
    {
        var rules = PaperInstruments.All[symbol].Rules;
        var filled = new List<PaperOrderFill>();
        foreach (var candidate in ledger.RestingPaperOrders(null, symbol))
        {
            // Read again: an OCO leg handled earlier in this loop may have expired its sibling.
            if (ledger.FindPaperOrder(candidate.ClientId, candidate.ClientOrderId) is not { IsResting: true } order)
                continue;
            var (crossed, triggers, levels) = Cross(order, mid, rules, now);
            if (!crossed)
                continue;

            var account = PaperAccount.Load(ledger, order.ClientId);
            if (order.ListClientOrderId is { } listId)
                order = TakeOverList(order, listId);
            var fills = PaperTrades.Make(order.ClientOrderId, order.Fills.Count, levels, rules.QuoteAsset);
            var updated = PaperTrades.SettleFromLock(order with { Triggered = order.Triggered || triggers }, fills, account, rules);
            account.Save();
            ledger.UpdatePaperOrder(updated);
            if (updated.ListClientOrderId is { } list && ledger.FindPaperOrder(updated.ClientId, list) is { } head)
                ledger.UpdatePaperOrder(head with { Status = updated.Status });
            if (fills.Count > 0)
                filled.Add(new PaperOrderFill(updated.ClientId, updated.ClientOrderId, updated.ListClientOrderId, updated.Symbol, updated.Side, updated.Type,
                    fills, updated.Status, updated.ExecutedQuantity));
        }
        return filled;
    }

    /// <summary>Whether the mid reaches the order, whether that triggers its stop, and the levels it fills at.</summary>
    private static (bool Crossed, bool Triggers, IReadOnlyList<BookLevel> Levels) Cross(PaperOrderRecord order, decimal mid, SymbolRules rules, DateTimeOffset now)
    {
        var price = order.Price.GetValueOrDefault();
        var atOwnPrice = new[] { new BookLevel(price, order.Remaining) };
        if (order.Type == OrderType.StopLossLimit && !order.Triggered)
        {
            if (mid > order.StopPrice)
                return (false, false, []);
            // Triggered: it works as a LIMIT at its price from now on, taking what the bids around the new mid give.
            var taken = FillSimulator.Simulate(PaperBook.Around(rules, mid, now), OrderSide.Sell, order.Remaining, price, FeeRate);
            return (true, true, taken.Fills);
        }
        var reached = order.Side == OrderSide.Buy ? mid <= price : mid >= price;
        return reached ? (true, false, atOwnPrice) : (false, false, []);
    }

    /// <summary>
    /// The first leg of an OCO to fill or trigger takes the list over: the other leg expires and the quantity the list
    /// locked moves to this leg, which pays its fills out of it.
    /// </summary>
    private PaperOrderRecord TakeOverList(PaperOrderRecord leg, string listId)
    {
        if (ledger.FindPaperOrder(leg.ClientId, listId) is not { Locked: > 0 } list)
            return leg;
        foreach (var other in ledger.PaperListLegs(leg.ClientId, listId).Where(l => l.ClientOrderId != leg.ClientOrderId && l.IsResting))
            ledger.UpdatePaperOrder(other with { Status = OrderStatus.Expired, Reason = $"the other leg of OCO {listId} traded" });
        ledger.UpdatePaperOrder(list with { LockedAsset = null, Locked = 0m });
        return leg with { LockedAsset = list.LockedAsset, Locked = list.Locked };
    }
}
