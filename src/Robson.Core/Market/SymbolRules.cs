using Robson.Core.Domain;

namespace Robson.Core.Market;

/// <summary>
/// A venue's trading rules for one symbol: its status and its exchangeInfo filters, mapped from Binance's
/// document (or built in for the paper venue). Validation reads the filters; the shortcuts below are for
/// planning (rounding hints, book building).
/// </summary>
public sealed record SymbolRules(Symbol Symbol, string Status, string BaseAsset, string QuoteAsset, IReadOnlyList<SymbolFilter> Filters)
{
    public bool IsTrading => Status == "TRADING";

    public PriceFilter? Price => Filters.OfType<PriceFilter>().FirstOrDefault();
    public LotSizeFilter? LotSize => Filters.OfType<LotSizeFilter>().FirstOrDefault(f => !f.ForMarket);
    public LotSizeFilter? MarketLotSize => Filters.OfType<LotSizeFilter>().FirstOrDefault(f => f.ForMarket);

    public decimal TickSize => Price?.TickSize ?? 0m;
    public decimal StepSize => LotSize?.StepSize ?? 0m;
    public decimal MinQty => LotSize?.MinQty ?? 0m;

    /// <summary>The smallest order value the venue accepts (MIN_NOTIONAL or NOTIONAL), 0 if none.</summary>
    public decimal MinNotional =>
        Filters.OfType<NotionalFilter>().Select(f => f.MinNotional)
            .Concat(Filters.OfType<MinNotionalFilter>().Select(f => f.MinNotional)).DefaultIfEmpty(0m).Max();

    /// <summary>The lot filter that decides a quantity for this order type (MARKET_LOT_SIZE if it constrains).</summary>
    public LotSizeFilter? LotFor(OrderType type) =>
        type == OrderType.Market && MarketLotSize is { StepSize: > 0 } market ? market : LotSize;

    /// <summary>Rules with the three classic filters (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL applied to market orders).</summary>
    public static SymbolRules Simple(Symbol symbol, string status, string baseAsset, string quoteAsset, decimal minPrice, decimal maxPrice,
        decimal tickSize, decimal minQty, decimal maxQty, decimal stepSize, decimal minNotional) =>
        new(symbol, status, baseAsset, quoteAsset,
        [
            new PriceFilter(minPrice, maxPrice, tickSize),
            new LotSizeFilter(false, minQty, maxQty, stepSize),
            new MinNotionalFilter(minNotional, true, 5),
        ]);
}
