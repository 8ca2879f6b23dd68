using Robson.Core.Domain;

namespace Robson.Core.Market;

/// <summary>One of a symbol's exchangeInfo filters, with Binance's semantics (see shared/BINANCE.md).</summary>
public abstract record SymbolFilter(string Type);

/// <summary>PRICE_FILTER: min ≤ price ≤ max and (price − min) a multiple of the tick; a zero disables that part.</summary>
public sealed record PriceFilter(decimal MinPrice, decimal MaxPrice, decimal TickSize) : SymbolFilter("PRICE_FILTER");

/// <summary>
/// LOT_SIZE (every order) or MARKET_LOT_SIZE (market orders): min ≤ quantity ≤ max and (quantity − min) a
/// multiple of the step; a zero step or max disables that part.
/// </summary>
public sealed record LotSizeFilter(bool ForMarket, decimal MinQty, decimal MaxQty, decimal StepSize)
    : SymbolFilter(ForMarket ? "MARKET_LOT_SIZE" : "LOT_SIZE")
{
    public bool IsValid(decimal quantity) =>
        quantity >= MinQty && (MaxQty <= 0 || quantity <= MaxQty) && (StepSize <= 0 || (quantity - MinQty) % StepSize == 0);

    /// <summary>The nearest valid quantities at or below and above <paramref name="quantity"/> (null where none exists).</summary>
    public (decimal? Below, decimal? Above) Nearest(decimal quantity)
    {
        if (quantity < MinQty) return (null, MinQty);
        var below = StepSize > 0 ? MinQty + Decimals.FloorToStep(quantity - MinQty, StepSize) : quantity;
        var above = StepSize > 0 && below != quantity ? below + StepSize : below;
        if (MaxQty > 0 && below > MaxQty) below = StepSize > 0 ? MinQty + Decimals.FloorToStep(MaxQty - MinQty, StepSize) : MaxQty;
        return (below, MaxQty > 0 && above > MaxQty ? null : above);
    }

    /// <summary>The largest valid quantity not above the one requested, or null if even the minimum is above it.</summary>
    public decimal? Suggest(decimal quantity) => Nearest(quantity).Below;
}

/// <summary>MIN_NOTIONAL: price × quantity ≥ min; market orders are checked only when ApplyToMarket.</summary>
public sealed record MinNotionalFilter(decimal MinNotional, bool ApplyToMarket, int AvgPriceMins) : SymbolFilter("MIN_NOTIONAL");

/// <summary>NOTIONAL: min ≤ price × quantity ≤ max; each bound applies to market orders only when its flag says so.</summary>
public sealed record NotionalFilter(decimal MinNotional, bool ApplyMinToMarket, decimal MaxNotional, bool ApplyMaxToMarket, int AvgPriceMins)
    : SymbolFilter("NOTIONAL");

/// <summary>PERCENT_PRICE: reference × down ≤ price ≤ reference × up.</summary>
public sealed record PercentPriceFilter(decimal MultiplierUp, decimal MultiplierDown, int AvgPriceMins) : SymbolFilter("PERCENT_PRICE");

/// <summary>PERCENT_PRICE_BY_SIDE: the band of PERCENT_PRICE, with separate multipliers for buys (bid) and sells (ask).</summary>
public sealed record PercentPriceBySideFilter(
    decimal BidMultiplierUp, decimal BidMultiplierDown, decimal AskMultiplierUp, decimal AskMultiplierDown, int AvgPriceMins)
    : SymbolFilter("PERCENT_PRICE_BY_SIDE");

/// <summary>A filter Binance documents that does not constrain the orders Robson places (e.g. ICEBERG_PARTS, MAX_NUM_ORDERS).</summary>
public sealed record InapplicableFilter(string FilterType) : SymbolFilter(FilterType)
{
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "ICEBERG_PARTS", "TRAILING_DELTA", "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS", "MAX_NUM_ICEBERG_ORDERS",
        "MAX_POSITION", "MAX_NUM_ORDER_AMENDS", "MAX_NUM_ORDER_LISTS", "T_PLUS_SELL",
    };
}

/// <summary>A filter type Robson does not know: reported by validation, never silently ignored.</summary>
public sealed record UnknownFilter(string FilterType) : SymbolFilter(FilterType);
