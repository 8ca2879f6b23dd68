namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>One trade of an order, as the exchange recorded it (a <c>fills[]</c> entry and a myTrades row).</summary>
public sealed record FakeFill(
    long TradeId, long OrderId, string Symbol, string Side, decimal Price, decimal Qty, decimal QuoteQty,
    decimal Commission, string CommissionAsset, bool IsMaker, DateTimeOffset Time);

/// <summary>A snapshot of an order the exchange accepted.</summary>
public sealed record FakeOrder(
    long OrderId,
    string ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    string TimeInForce,
    decimal Quantity,
    decimal Price,
    decimal OrigQuoteOrderQty,
    decimal ExecutedQty,
    decimal CummulativeQuoteQty,
    string Status,
    DateTimeOffset Time,
    DateTimeOffset UpdateTime,
    IReadOnlyList<FakeFill> Fills)
{
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;
}

/// <summary>A free/locked balance of one asset.</summary>
public sealed record FakeBalance(string Asset, decimal Free, decimal Locked);

/// <summary>A request as the fake exchange received it (raw query and body, the API key header).</summary>
public sealed record FakeRequest(long Sequence, DateTimeOffset ReceivedAt, string Method, string Path, string Query, string Body, string? ApiKey)
{
    public string Endpoint => $"{Method} {Path}";
}

/// <summary>Binance's order status values.</summary>
public static class OrderStatus
{
    public const string New = "NEW";
    public const string PartiallyFilled = "PARTIALLY_FILLED";
    public const string Filled = "FILLED";
    public const string Canceled = "CANCELED";
    public const string Expired = "EXPIRED";
}

/// <summary>The exchange's mutable record of an order; only touched under the exchange's lock.</summary>
internal sealed class OrderState
{
    public required long OrderId { get; init; }
    public required string ClientOrderId { get; init; }
    public required SymbolSpec Spec { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string TimeInForce { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal Price { get; init; }
    public decimal OrigQuoteOrderQty { get; init; }
    public required DateTimeOffset Time { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
    public string Status { get; set; } = OrderStatus.New;
    public decimal ExecutedQty { get; set; }
    public decimal CummulativeQuoteQty { get; set; }
    public List<FakeFill> Fills { get; } = [];

    public string Symbol => Spec.Symbol;
    public bool IsBuy => Side == "BUY";
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;
    public decimal Remaining => Quantity - ExecutedQty;

    public FakeOrder Snapshot() => new(OrderId, ClientOrderId, Symbol, Side, Type, TimeInForce, Quantity, Price, OrigQuoteOrderQty,
        ExecutedQty, CummulativeQuoteQty, Status, Time, UpdateTime, Fills.ToArray());
}
