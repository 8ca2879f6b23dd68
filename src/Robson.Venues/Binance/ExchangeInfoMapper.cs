using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Venues.Binance;

/// <summary>Maps Binance's exchangeInfo document into the symbol-rules model the validators use.</summary>
public static class ExchangeInfoMapper
{
    public static IReadOnlyList<SymbolRules> Map(JsonElement root)
    {
        var rules = new List<SymbolRules>();
        foreach (var s in root.GetProperty("symbols").EnumerateArray())
        {
            var symbol = Symbol.Parse(s.GetProperty("symbol").GetString());
            if (!symbol.Success) continue;
            var filters = s.TryGetProperty("filters", out var f) ? f.EnumerateArray().Select(MapFilter).ToList() : [];
            rules.Add(new SymbolRules(symbol.Value, s.GetProperty("status").GetString() ?? "", s.GetProperty("baseAsset").GetString() ?? "",
                s.GetProperty("quoteAsset").GetString() ?? "", filters));
        }
        return rules;
    }

    public static SymbolFilter MapFilter(JsonElement f)
    {
        var type = f.GetProperty("filterType").GetString() ?? "";
        return type switch
        {
            "PRICE_FILTER" => new PriceFilter(Dec(f, "minPrice"), Dec(f, "maxPrice"), Dec(f, "tickSize")),
            "LOT_SIZE" => new LotSizeFilter(false, Dec(f, "minQty"), Dec(f, "maxQty"), Dec(f, "stepSize")),
            "MARKET_LOT_SIZE" => new LotSizeFilter(true, Dec(f, "minQty"), Dec(f, "maxQty"), Dec(f, "stepSize")),
            "MIN_NOTIONAL" => new MinNotionalFilter(Dec(f, "minNotional"), Bool(f, "applyToMarket"), Int(f, "avgPriceMins")),
            "NOTIONAL" => new NotionalFilter(Dec(f, "minNotional"), Bool(f, "applyMinToMarket"), Dec(f, "maxNotional"), Bool(f, "applyMaxToMarket"), Int(f, "avgPriceMins")),
            "PERCENT_PRICE" => new PercentPriceFilter(Dec(f, "multiplierUp"), Dec(f, "multiplierDown"), Int(f, "avgPriceMins")),
            "PERCENT_PRICE_BY_SIDE" => new PercentPriceBySideFilter(Dec(f, "bidMultiplierUp"), Dec(f, "bidMultiplierDown"),
                Dec(f, "askMultiplierUp"), Dec(f, "askMultiplierDown"), Int(f, "avgPriceMins")),
            _ when InapplicableFilter.KnownTypes.Contains(type) => new InapplicableFilter(type),
            _ => new UnknownFilter(type),
        };
    }

    private static decimal Dec(JsonElement f, string name) => BinanceJson.Dec(f, name);

    private static bool Bool(JsonElement f, string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement f, string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
}
