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
    IReadOnlyList<FakeFill> Fills,
    decimal StopPrice = 0m,
    bool IsWorking = true,
    long OrderListId = -1)
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

/// <summary>
/// How the next order that trades executes (see <see cref="FakeBinanceExchange.InjectExecution"/>): in
/// <paramref name="Trades"/> trades (its first match split on the step), its FULL answer listing only the first
/// <paramref name="FillsInAnswer"/> fills, its fills in that answer without a <c>tradeId</c>, and/or GET
/// /api/v3/myTrades listing only its first <paramref name="TradesListed"/> trades (a venue answering less than executed).
/// </summary>
public sealed record FakeExecution(int Trades = 1, int? FillsInAnswer = null, bool OmitTradeIds = false, int? TradesListed = null);

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
    /// <summary>The trigger of a STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT (0 for other types).</summary>
    public decimal StopPrice { get; init; }
    /// <summary>False while a stop or take-profit waits for its trigger: it is not on the book until then.</summary>
    public bool IsWorking { get; set; } = true;
    /// <summary>The OCO list this order is a leg of, or null.</summary>
    public FakeOrderList? List { get; init; }
    public long OrderListId => List?.OrderListId ?? -1;
    /// <summary>Set by <see cref="FakeExecution"/>: how many fills the FULL answer lists, and whether with trade ids.</summary>
    public int? FillsInAnswer { get; set; }
    public bool OmitTradeIds { get; set; }
    public int? TradesListed { get; set; }
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
        ExecutedQty, CummulativeQuoteQty, Status, Time, UpdateTime, Fills.ToArray(), StopPrice, IsWorking, OrderListId);

    /// <summary>Whether a waiting stop (SELL: the mid at or below its stop) or take-profit (SELL: at or above) triggers at <paramref name="mid"/>.</summary>
    public bool TriggersAt(decimal mid) => Type switch
    {
        "STOP_LOSS_LIMIT" => IsBuy ? mid >= StopPrice : mid <= StopPrice,
        "TAKE_PROFIT_LIMIT" => IsBuy ? mid <= StopPrice : mid >= StopPrice,
        _ => false,
    };
}

/// <summary>An OCO order list: two legs sharing one reserve; when one fills or triggers, the other expires.</summary>
internal sealed class FakeOrderList
{
    public required long OrderListId { get; init; }
    public required string ListClientOrderId { get; init; }
    public required string Symbol { get; init; }
    public required DateTimeOffset TransactionTime { get; init; }
    public List<OrderState> Legs { get; } = [];
    /// <summary>Base asset still locked for the list (a SELL locks its quantity once, not once per leg).</summary>
    public decimal Locked { get; set; }

    public bool IsOpen => Legs.Any(l => l.IsOpen);
    public string ListStatusType => IsOpen ? "EXEC_STARTED" : "ALL_DONE";
    public string ListOrderStatus => IsOpen ? "EXECUTING" : "ALL_DONE";
}
