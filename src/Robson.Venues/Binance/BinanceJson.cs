using System.Globalization;
using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>Reads Binance's JSON (numbers as strings, e.g. "0.01000000") into Robson's types, exactly; trailing zeros are dropped.</summary>
internal static class BinanceJson
{
    public static decimal Dec(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String
            ? decimal.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) / 1.0000000000000000000000000000m
            : v.GetDecimal() : 0m;

    public static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText() : "";

    /// <summary>A field that may be absent (a fill without a trade id): null rather than "", so no empty key is ever used.</summary>
    public static string? OptionalStr(JsonElement e, string name) => Str(e, name) is { Length: > 0 } value ? value : null;

    public static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? long.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetInt64() : 0;

    /// <summary>Binance order status in Robson's words: NEW is ACKED, EXPIRED_IN_MATCH is EXPIRED.</summary>
    public static OrderStatus Status(string binance) => binance switch
    {
        "NEW" or "PENDING_NEW" or "PENDING_CANCEL" => OrderStatus.Acked,
        "EXPIRED_IN_MATCH" or "EXPIRED" => OrderStatus.Expired,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "REJECTED" => OrderStatus.Rejected,
        // A status Binance adds later: the order's outcome is not understood, so it stays open until reconciled.
        _ => OrderStatus.Unknown,
    };

    public static IReadOnlyList<VenueFill> Fills(JsonElement order)
    {
        if (!order.TryGetProperty("fills", out var fills) || fills.ValueKind != JsonValueKind.Array) return [];
        return fills.EnumerateArray().Select(f => new VenueFill(Dec(f, "price"), Dec(f, "qty"), Dec(f, "commission"), Str(f, "commissionAsset"), OptionalStr(f, "tradeId"))).ToList();
    }

    /// <summary>One row of GET /api/v3/myTrades.</summary>
    public static VenueFill Trade(JsonElement t) => new(Dec(t, "price"), Dec(t, "qty"), Dec(t, "commission"), Str(t, "commissionAsset"), OptionalStr(t, "id"));

    public static OrderBook Book(JsonElement depth, DateTimeOffset asOf) => new(Levels(depth, "bids"), Levels(depth, "asks"), asOf);

    private static List<BookLevel> Levels(JsonElement depth, string side) =>
        depth.TryGetProperty(side, out var levels)
            ? levels.EnumerateArray().Select(l => new BookLevel(
                decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture) / 1.0000000000000000000000000000m,
                decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture) / 1.0000000000000000000000000000m)).ToList()
            : [];

    /// <summary>An open order; an OCO leg (orderListId other than -1) names its list by Robson's leg-id convention.</summary>
    public static VenueOpenOrder OpenOrder(JsonElement o)
    {
        var clientOrderId = Str(o, "clientOrderId");
        var inList = o.TryGetProperty("orderListId", out var listId) && listId.ValueKind == JsonValueKind.Number && listId.GetInt64() != -1;
        return new VenueOpenOrder(Symbol.From(Str(o, "symbol")), clientOrderId, Str(o, "orderId"), Str(o, "side") == "BUY" ? OrderSide.Buy : OrderSide.Sell,
            Type(Str(o, "type")), Dec(o, "origQty"), Dec(o, "executedQty"), Dec(o, "price") is var p and > 0 ? p : null, Status(Str(o, "status")),
            inList ? ProtectionRequest.ListIdOf(clientOrderId) : null);
    }

    /// <summary>Binance order types in Robson's words: a LIMIT_MAKER (an OCO's take-profit) rests like any limit.</summary>
    public static OrderType Type(string binance) => binance switch
    {
        "MARKET" => OrderType.Market,
        "STOP_LOSS_LIMIT" or "STOP_LOSS" => OrderType.StopLossLimit,
        _ => OrderType.Limit,
    };
}
