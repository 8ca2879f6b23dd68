namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// A symbol's exchangeInfo entry: assets, precisions and the filter values Binance publishes for BTCUSDT
/// (PRICE_FILTER, LOT_SIZE, ICEBERG_PARTS, MARKET_LOT_SIZE, TRAILING_DELTA, PERCENT_PRICE_BY_SIDE, NOTIONAL,
/// MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS); the other symbols are shaped the same with their own step.
/// </summary>
internal sealed record SymbolSpec(string Symbol, string BaseAsset, string QuoteAsset, decimal StepSize, decimal DefaultMid)
{
    public const int Precision = 8;

    public decimal MinPrice { get; init; } = 0.01m;
    public decimal MaxPrice { get; init; } = 1_000_000m;
    public decimal TickSize { get; init; } = 0.01m;
    public decimal MinQty => StepSize;
    public decimal MaxQty { get; init; } = 9000m;
    public decimal MarketMinQty { get; init; } = 0m;
    public decimal MarketMaxQty { get; init; } = 100m;
    public decimal MarketStepSize { get; init; } = 0m;
    public int IcebergPartsLimit { get; init; } = 10;
    public int MinTrailingDelta { get; init; } = 10;
    public int MaxTrailingDelta { get; init; } = 2000;
    public decimal BidMultiplierUp { get; init; } = 5m;
    public decimal BidMultiplierDown { get; init; } = 0.2m;
    public decimal AskMultiplierUp { get; init; } = 5m;
    public decimal AskMultiplierDown { get; init; } = 0.2m;
    public int AvgPriceMins { get; init; } = 5;
    public decimal MinNotional { get; init; } = 5m;
    public bool ApplyMinToMarket { get; init; } = true;
    public decimal MaxNotional { get; init; } = 9_000_000m;
    public bool ApplyMaxToMarket { get; init; }
    public int MaxNumOrders { get; init; } = 200;
    public int MaxNumAlgoOrders { get; init; } = 5;

    public static readonly string[] OrderTypes =
        ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];

    /// <summary>The symbols the fake lists. Mids match the paper venue's reference prices.</summary>
    public static IReadOnlyList<SymbolSpec> Defaults { get; } =
    [
        new("BTCUSDT", "BTC", "USDT", 0.00001m, 60000m),
        new("ETHUSDT", "ETH", "USDT", 0.0001m, 3000m),
        new("BNBUSDT", "BNB", "USDT", 0.001m, 600m),
        new("SOLUSDT", "SOL", "USDT", 0.001m, 150m),
    ];

    /// <summary>PRICE_FILTER alone (a stop price is checked against it too).</summary>
    public bool PriceFilterFails(decimal p) =>
        (MinPrice > 0 && p < MinPrice) || (MaxPrice > 0 && p > MaxPrice) || (TickSize > 0 && p % TickSize != 0);

    public decimal FloorToTick(decimal price) => Math.Floor(price / TickSize) * TickSize;
    public decimal CeilToTick(decimal price) => Math.Ceiling(price / TickSize) * TickSize;
    public decimal FloorToStep(decimal qty) => Math.Floor(qty / StepSize) * StepSize;

    /// <summary>
    /// The first filter an order breaks, in exchangeInfo order, or null. <paramref name="avgPrice"/> stands for
    /// Binance's average price over avgPriceMins (the fake uses the current mid). For MARKET orders given by
    /// quoteOrderQty, <paramref name="quantity"/> is null and the notional is the quote amount.
    /// </summary>
    public string? FirstFailingFilter(string type, string side, decimal? quantity, decimal? price, decimal? quoteOrderQty, decimal avgPrice, int openOrders)
    {
        var market = type == "MARKET";
        if (!market && price is { } p)
        {
            if ((MinPrice > 0 && p < MinPrice) || (MaxPrice > 0 && p > MaxPrice) || (TickSize > 0 && p % TickSize != 0))
                return "PRICE_FILTER";
        }
        if (quantity is { } q && (q < MinQty || q > MaxQty || (StepSize > 0 && q % StepSize != 0)))
            return "LOT_SIZE";
        if (market && quantity is { } mq &&
            ((MarketMinQty > 0 && mq < MarketMinQty) || (MarketMaxQty > 0 && mq > MarketMaxQty) || (MarketStepSize > 0 && mq % MarketStepSize != 0)))
            return "MARKET_LOT_SIZE";
        if (!market && price is { } bandPrice)
        {
            var (up, down) = side == "BUY" ? (BidMultiplierUp, BidMultiplierDown) : (AskMultiplierUp, AskMultiplierDown);
            if (bandPrice > avgPrice * up || bandPrice < avgPrice * down)
                return "PERCENT_PRICE_BY_SIDE";
        }
        var notional = market ? quoteOrderQty ?? (quantity ?? 0) * avgPrice : (quantity ?? 0) * (price ?? 0);
        if ((!market || ApplyMinToMarket) && notional < MinNotional) return "NOTIONAL";
        if ((!market || ApplyMaxToMarket) && notional > MaxNotional) return "NOTIONAL";
        if (openOrders >= MaxNumOrders) return "MAX_NUM_ORDERS";
        return null;
    }
}
