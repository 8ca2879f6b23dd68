using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

public sealed partial class PaperVenue
{
    private const string UnknownOrder = "Unknown order sent.";

    /// <summary>
    /// Takes a resting order off the paper book and frees what it locked: CANCELED, with what had filled. With
    /// <paramref name="isList"/> the id is an OCO list's and both legs go; canceling one leg cancels its whole list, as on
    /// Binance. An order that is not resting (never placed, filled, expired, canceled) is refused "Unknown order sent.".
    /// </summary>
    public VenueOrderResult CancelOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false)
    {
        using var tx = unitOfWork.BeginExclusive(clientId);
        var order = ledger.FindPaperOrder(clientId, clientOrderId);
        if (order is null || order.IsList != isList || !order.IsResting || order.Symbol != symbol)
            return Reject(UnknownOrder);

        var account = PaperAccount.Load(ledger, clientId);
        VenueOrderResult answer;
        if (order.ListClientOrderId is not null || isList)
        {
            var list = ledger.FindPaperOrder(clientId, order.ListClientOrderId ?? order.ClientOrderId)!;
            foreach (var leg in ledger.PaperListLegs(clientId, list.ClientOrderId).Where(l => l.IsResting))
                Cancel(leg, account);
            Cancel(list, account);
            answer = isList ? ListResult(ledger.FindPaperOrder(clientId, list.ClientOrderId)!) : ledger.FindPaperOrder(clientId, clientOrderId)!.AsResult();
        }
        else
            answer = Cancel(order, account).AsResult();
        account.Save();
        tx.Commit();
        return answer;
    }

    private PaperOrderRecord Cancel(PaperOrderRecord order, PaperAccount account)
    {
        if (order.LockedAsset is { } asset)
            account.Add(asset, order.Locked);
        var canceled = order with { Status = OrderStatus.Canceled, LockedAsset = null, Locked = 0m };
        ledger.UpdatePaperOrder(canceled);
        return canceled;
    }
}
