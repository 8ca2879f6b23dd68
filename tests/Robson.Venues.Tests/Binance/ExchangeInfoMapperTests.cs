using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Venues.Binance;

namespace Robson.Venues.Tests.Binance;

/// <summary>exchangeInfo as Binance publishes it (BTCUSDT, trimmed of fields Robson ignores) into the rules model.</summary>
public sealed class ExchangeInfoMapperTests
{
    private const string Document = """
    {
      "timezone": "UTC", "serverTime": 1764000000000, "rateLimits": [], "exchangeFilters": [],
      "symbols": [{
        "symbol": "BTCUSDT", "status": "TRADING", "baseAsset": "BTC", "baseAssetPrecision": 8, "quoteAsset": "USDT", "quotePrecision": 8,
        "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"],
        "filters": [
          {"filterType": "PRICE_FILTER", "minPrice": "0.01000000", "maxPrice": "1000000.00000000", "tickSize": "0.01000000"},
          {"filterType": "LOT_SIZE", "minQty": "0.00001000", "maxQty": "9000.00000000", "stepSize": "0.00001000"},
          {"filterType": "ICEBERG_PARTS", "limit": 10},
          {"filterType": "MARKET_LOT_SIZE", "minQty": "0.00000000", "maxQty": "87.51827083", "stepSize": "0.00000000"},
          {"filterType": "TRAILING_DELTA", "minTrailingAboveDelta": 10, "maxTrailingAboveDelta": 2000, "minTrailingBelowDelta": 10, "maxTrailingBelowDelta": 2000},
          {"filterType": "PERCENT_PRICE_BY_SIDE", "bidMultiplierUp": "5", "bidMultiplierDown": "0.2", "askMultiplierUp": "5", "askMultiplierDown": "0.2", "avgPriceMins": 5},
          {"filterType": "NOTIONAL", "minNotional": "5.00000000", "applyMinToMarket": true, "maxNotional": "9000000.00000000", "applyMaxToMarket": false, "avgPriceMins": 5},
          {"filterType": "MAX_NUM_ORDERS", "maxNumOrders": 200},
          {"filterType": "MAX_NUM_ALGO_ORDERS", "maxNumAlgoOrders": 5},
          {"filterType": "SOMETHING_NEW", "x": "1"}
        ]
      }, {
        "symbol": "ETHBTC", "status": "BREAK", "baseAsset": "ETH", "quoteAsset": "BTC",
        "filters": [{"filterType": "MIN_NOTIONAL", "minNotional": "0.00010000", "applyToMarket": true, "avgPriceMins": 5},
                    {"filterType": "PERCENT_PRICE", "multiplierUp": "5", "multiplierDown": "0.2", "avgPriceMins": 5}]
      }]
    }
    """;

    private static IReadOnlyDictionary<Symbol, SymbolRules> Map() =>
        ExchangeInfoMapper.Map(JsonDocument.Parse(Document).RootElement).ToDictionary(r => r.Symbol);

    [Fact]
    public void Map_BtcUsdt_HasEveryFilterWithExactDecimals()
    {
        var btc = Map()[Symbol.From("BTCUSDT")];

        Assert.True(btc.IsTrading);
        Assert.Equal(("BTC", "USDT"), (btc.BaseAsset, btc.QuoteAsset));
        Assert.Equal(new PriceFilter(0.01m, 1_000_000m, 0.01m), btc.Price);
        Assert.Equal(new LotSizeFilter(false, 0.00001m, 9000m, 0.00001m), btc.LotSize);
        Assert.Equal(new LotSizeFilter(true, 0m, 87.51827083m, 0m), btc.MarketLotSize);
        Assert.Contains(new NotionalFilter(5m, true, 9_000_000m, false, 5), btc.Filters);
        Assert.Contains(new PercentPriceBySideFilter(5m, 0.2m, 5m, 0.2m, 5), btc.Filters);
        Assert.Equal("0.01", Decimals.Canonical(btc.TickSize));
        Assert.Equal(5m, btc.MinNotional);
    }

    [Fact]
    public void Map_FiltersThatDoNotConstrainOrders_AreKnown_AndNewOnesAreUnknown()
    {
        var filters = Map()[Symbol.From("BTCUSDT")].Filters;

        Assert.Equal(["ICEBERG_PARTS", "TRAILING_DELTA", "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS"], filters.OfType<InapplicableFilter>().Select(f => f.Type));
        Assert.Equal("SOMETHING_NEW", Assert.Single(filters.OfType<UnknownFilter>()).Type);
    }

    [Fact]
    public void Map_OlderFiltersAndStatus()
    {
        var eth = Map()[Symbol.From("ETHBTC")];

        Assert.False(eth.IsTrading);
        Assert.Contains(new MinNotionalFilter(0.0001m, true, 5), eth.Filters);
        Assert.Contains(new PercentPriceFilter(5m, 0.2m, 5), eth.Filters);
    }
}
