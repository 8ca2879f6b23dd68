using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

public sealed partial class PaperVenue
{
    /// <summary>
    /// Places a protective SELL once, as Binance does: a STOP_LOSS_LIMIT, or an OCO list (a take-profit above the mid, a
    /// stop below it) whose legs are <c>{id}-tp</c> and <c>{id}-sl</c>. Either locks the base quantity (an OCO once, on
    /// the list, until a leg fills or triggers). Refused: a stop the mid already reached ("Order would trigger
    /// immediately."), a take-profit at or below the mid ("Order would immediately match and take."), a filter failure,
    /// too little free base, a request past its order window (not recorded) or an id seen before.
    /// </summary>
    public VenueOrderResult PlaceProtection(ProtectionRequest request)
    {
        var now = time.GetUtcNow();
        if (FindSymbol(request.Symbol) is not { } rules)
            return Reject($"unknown symbol {request.Symbol}");
        if (PaperOrderChecks.OutsideWindow(request.SentAt, now, OrderWindow) is { } late)
            return Reject(late);

        using var tx = unitOfWork.BeginExclusive(request.ClientId);
        string[] ids = request.IsOco ? [request.ClientOrderId, request.StopLegId, request.TakeProfitLegId] : [request.ClientOrderId];
        if (ids.Any(id => ledger.FindPaperOrder(request.ClientId, id) is not null))
            return Reject("Duplicate order sent.");

        var head = new PaperOrderRecord(request.ClientId, request.ClientOrderId, request.Symbol, OrderSide.Sell,
            request.IsOco ? OrderType.Oco : OrderType.StopLossLimit, request.Quantity,
            request.IsOco ? request.TakeProfitPrice : request.StopLimitPrice, request.StopPrice, null,
            OrderStatus.Acked, [], null, rules.BaseAsset, request.Quantity, false, now);
        var account = PaperAccount.Load(ledger, request.ClientId);
        if (Refusal(request, rules, account) is { } reason)
        {
            head = head with { Status = OrderStatus.Rejected, Reason = reason, LockedAsset = null, Locked = 0m };
            ledger.RecordPaperOrder(head);
            tx.Commit();
            return head.AsResult();
        }

        account.Add(rules.BaseAsset, -request.Quantity);
        account.Save();
        ledger.RecordPaperOrder(head);
        if (request.IsOco)
        {
            // The legs lock nothing of their own: the list holds the quantity once, for whichever leg works first.
            var leg = head with { ListClientOrderId = request.ClientOrderId, LockedAsset = null, Locked = 0m };
            ledger.RecordPaperOrder(leg with { ClientOrderId = request.TakeProfitLegId, Type = OrderType.Limit, Price = request.TakeProfitPrice, StopPrice = null });
            ledger.RecordPaperOrder(leg with { ClientOrderId = request.StopLegId, Type = OrderType.StopLossLimit, Price = request.StopLimitPrice });
        }
        tx.Commit();
        return head.AsResult();
    }

    /// <summary>Why the venue refuses the protection, checked in Binance's order: filters, then the price, then funds.</summary>
    private string? Refusal(ProtectionRequest request, SymbolRules rules, PaperAccount account)
    {
        if (PaperOrderChecks.FilterFailure(rules, request.Quantity, request.StopPrice, request.StopLimitPrice, request.TakeProfitPrice) is { } filter)
            return filter;
        var mid = MidPrice(request.Symbol);
        if (mid <= request.StopPrice)
            return "Order would trigger immediately.";
        if (request.TakeProfitPrice is { } takeProfit && takeProfit <= mid)
            return "Order would immediately match and take.";
        if (request.Quantity > account.Free(rules.BaseAsset))
            return $"insufficient balance: need {Decimals.Canonical(request.Quantity)} {rules.BaseAsset}, free {Decimals.Canonical(account.Free(rules.BaseAsset))}";
        return null;
    }
}
