using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Venues.Paper;

/// <summary>The paper venue's built-in symbols: Binance-shaped filters and a reference price each.</summary>
public static class PaperInstruments
{
    public const string QuoteAsset = "USDT";

    public sealed record Instrument(SymbolRules Rules, decimal ReferencePrice);

    public static readonly IReadOnlyDictionary<Symbol, Instrument> All = new[]
    {
        Make("BTCUSDT", "BTC", tick: 0.01m, step: 0.00001m, reference: 60000m),
        Make("ETHUSDT", "ETH", tick: 0.01m, step: 0.0001m, reference: 3000m),
        Make("BNBUSDT", "BNB", tick: 0.01m, step: 0.001m, reference: 600m),
        Make("SOLUSDT", "SOL", tick: 0.01m, step: 0.001m, reference: 150m),
    }.ToDictionary(i => i.Rules.Symbol);

    public static IEnumerable<string> Assets => All.Values.Select(i => i.Rules.BaseAsset).Append(QuoteAsset);

    private static Instrument Make(string symbol, string baseAsset, decimal tick, decimal step, decimal reference) => new(
        new SymbolRules(Symbol.From(symbol), "TRADING", baseAsset, QuoteAsset,
            MinPrice: tick, MaxPrice: 1_000_000m, TickSize: tick, MinQty: step, MaxQty: 9_000m, StepSize: step, MinNotional: 5m),
        reference);
}
