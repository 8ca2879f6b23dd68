using Robson.Core.Domain;

namespace Robson.Core.Market;

/// <summary>
/// A venue's trading rules for one symbol, shaped like Binance's exchangeInfo filters
/// (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL). A zero tick or step disables that check, as on Binance.
/// </summary>
public sealed record SymbolRules(
    Symbol Symbol,
    string Status,
    string BaseAsset,
    string QuoteAsset,
    decimal MinPrice,
    decimal MaxPrice,
    decimal TickSize,
    decimal MinQty,
    decimal MaxQty,
    decimal StepSize,
    decimal MinNotional)
{
    public bool IsTrading => Status == "TRADING";
}
