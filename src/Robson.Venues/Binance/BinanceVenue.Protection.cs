using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>
/// Protective SELLs (rest-api.md "New order", "New Order list - OCO", "Query Order list", "Cancel Order list"): a lone
/// STOP_LOSS_LIMIT, or an OCO list (a LIMIT_MAKER take-profit above, a STOP_LOSS_LIMIT below) that Robson treats as one
/// order named by its list client order id. Placed with the same outcome rules as any order.
/// </summary>
public sealed partial class BinanceVenue
{
    public VenueOrderResult PlaceProtection(ProtectionRequest request)
    {
        var symbol = request.Symbol;
        if (!request.IsOco)
        {
            List<(string, string)> stop =
            [
                ("symbol", symbol.Value), ("side", "SELL"), ("type", "STOP_LOSS_LIMIT"), ("timeInForce", "GTC"),
                ("quantity", Decimals.Canonical(request.Quantity)), ("price", Decimals.Canonical(request.StopLimitPrice)),
                ("stopPrice", Decimals.Canonical(request.StopPrice)), ("newClientOrderId", request.ClientOrderId), ("newOrderRespType", "FULL"),
            ];
            return PlaceOnce("/api/v3/order", stop, request.SentAt,
                body => OrderAnswer(body, symbol, request.ClientOrderId),
                () => LookupOrder(request.ClientId, symbol, request.ClientOrderId));
        }

        List<(string, string)> oco =
        [
            ("symbol", symbol.Value), ("side", "SELL"), ("quantity", Decimals.Canonical(request.Quantity)), ("listClientOrderId", request.ClientOrderId),
            ("aboveType", "LIMIT_MAKER"), ("abovePrice", Decimals.Canonical(request.TakeProfitPrice!.Value)), ("aboveClientOrderId", request.TakeProfitLegId),
            ("belowType", "STOP_LOSS_LIMIT"), ("belowStopPrice", Decimals.Canonical(request.StopPrice)), ("belowPrice", Decimals.Canonical(request.StopLimitPrice)),
            ("belowTimeInForce", "GTC"), ("belowClientOrderId", request.StopLegId), ("newOrderRespType", "FULL"),
        ];
        return PlaceOnce("/api/v3/orderList/oco", oco, request.SentAt,
            body => ListAnswer(body, symbol, request.ClientOrderId),
            () => LookupList(symbol, request.ClientOrderId));
    }

    /// <summary>The answer to a new OCO: its legs' states are in <c>orderReports</c>; trades are read for a leg that executed.</summary>
    private VenueOrderResult ListAnswer(JsonElement list, Symbol symbol, string listClientOrderId)
    {
        var legs = list.TryGetProperty("orderReports", out var reports) && reports.ValueKind == JsonValueKind.Array ? reports.EnumerateArray().ToList() : [];
        try
        {
            return ListResult(BinanceJson.Str(list, "orderListId"), legs, symbol);
        }
        catch (VenueUnavailableException e)
        {
            return new VenueOrderResult(OrderStatus.Unknown, BinanceJson.Str(list, "orderListId"), [],
                $"order list {listClientOrderId} placed, but its legs are not known in full: {e.Message} — run `robson reconcile`");
        }
    }

    /// <summary>
    /// GET /api/v3/orderList by list client order id, then each leg by its order id: the list as one order, or null when
    /// the venue has no such list.
    /// </summary>
    private VenueOrderResult? LookupList(Symbol symbol, string listClientOrderId)
    {
        var reply = _http.Read("/api/v3/orderList", [("origClientOrderId", listClientOrderId)], signed: true);
        if (reply.Code is -2011 or -2013) return null; // "Order list does not exist."
        if (!reply.IsSuccess) throw new VenueUnavailableException($"cannot look up order list {listClientOrderId} on '{Name}': {reply.Describe()}");
        var legs = new List<JsonElement>();
        foreach (var leg in reply.Body.GetProperty("orders").EnumerateArray())
        {
            var order = _http.Read("/api/v3/order", [("symbol", symbol.Value), ("orderId", BinanceJson.Str(leg, "orderId"))], signed: true);
            if (!order.IsSuccess)
                throw new VenueUnavailableException($"cannot look up leg {BinanceJson.Str(leg, "clientOrderId")} of order list {listClientOrderId}: {order.Describe()}");
            legs.Add(order.Body);
        }
        return ListResult(BinanceJson.Str(reply.Body, "orderListId"), legs, symbol);
    }

    /// <summary>The list as one order: its status from its legs' (see <see cref="OrderListStatus"/>), the fills of both legs.</summary>
    private VenueOrderResult ListResult(string orderListId, IReadOnlyList<JsonElement> legs, Symbol symbol)
    {
        var states = legs.Select(l => (BinanceJson.Status(BinanceJson.Str(l, "status")), BinanceJson.Dec(l, "executedQty"))).ToList();
        var fills = new List<VenueFill>();
        foreach (var leg in legs.Where(l => BinanceJson.Dec(l, "executedQty") > 0))
            fills.AddRange(_trades.ReadAll(symbol, BinanceJson.Str(leg, "orderId"), BinanceJson.Dec(leg, "executedQty"), BinanceJson.Str(leg, "clientOrderId")));
        return new VenueOrderResult(OrderListStatus.Of(states), orderListId, fills, null);
    }
}
