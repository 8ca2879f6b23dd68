using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Venues.Paper;

/// <summary>
/// The paper venue's built-in symbols, with the filters Binance publishes for them (PRICE_FILTER, LOT_SIZE,
/// MARKET_LOT_SIZE, NOTIONAL, PERCENT_PRICE_BY_SIDE, and the ones that do not constrain Robson's orders),
/// and a reference price each.
/// </summary>
public static class PaperInstruments
{
    public const string QuoteAsset = "USDT";

    public sealed record Instrument(SymbolRules Rules, decimal ReferencePrice);

    public static readonly IReadOnlyDictionary<Symbol, Instrument> All = new[]
    {
        Make("BTCUSDT", "BTC", tick: 0.01m, step: 0.00001m, maxMarketQty: 100m, reference: 60000m),
        Make("ETHUSDT", "ETH", tick: 0.01m, step: 0.0001m, maxMarketQty: 2_000m, reference: 3000m),
        Make("BNBUSDT", "BNB", tick: 0.01m, step: 0.001m, maxMarketQty: 5_000m, reference: 600m),
        Make("SOLUSDT", "SOL", tick: 0.01m, step: 0.001m, maxMarketQty: 20_000m, reference: 150m),
    }.ToDictionary(i => i.Rules.Symbol);

    public static IEnumerable<string> Assets => All.Values.Select(i => i.Rules.BaseAsset).Append(QuoteAsset);

    private static Instrument Make(string symbol, string baseAsset, decimal tick, decimal step, decimal maxMarketQty, decimal reference) => new(
        new SymbolRules(Symbol.From(symbol), "TRADING", baseAsset, QuoteAsset,
        [
            new PriceFilter(tick, 1_000_000m, tick),
            new LotSizeFilter(false, step, 9_000m, step),
            new InapplicableFilter("ICEBERG_PARTS"),
            new LotSizeFilter(true, 0m, maxMarketQty, 0m),
            new InapplicableFilter("TRAILING_DELTA"),
            new PercentPriceBySideFilter(5m, 0.2m, 5m, 0.2m, 5),
            new NotionalFilter(5m, true, 9_000_000m, false, 5),
            new InapplicableFilter("MAX_NUM_ORDERS"),
            new InapplicableFilter("MAX_NUM_ALGO_ORDERS"),
        ]),
        reference);
}
