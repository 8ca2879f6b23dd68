using System.Text.Json;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// `robson market` and `plan buy --quote` against the fake Binance (BTCUSDT mid 60,000: best ask 60,003, step 0.00001;
/// fees 0.1 % taken in BTC on buys). Market data is public: no request carries the API key although the credentials are
/// in the environment. A quote buy leaves as MARKET with quoteOrderQty and no quantity; Binance buys what the amount pays
/// for, rounded down to the step, and the protective stop covers what was bought net of the fee.
/// </summary>
public sealed class MarketAndQuoteOnBinanceTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    private void AssertNoSignedRequest() =>
        Assert.All(_f.Exchange.Requests, r => Assert.True(r.ApiKey is null && !r.Query.Contains("signature="), $"{r.Endpoint} was signed"));

    [Fact]
    public void MarketPrice_OnBinance_ReadsTheTickerAndTheBook_WithoutCredentials()
    {
        var json = _f.Robson.Expect(0, "market", "price", "BTCUSDT", "--venue", "bn", "--client-id", "1", "--json").Json;

        Assert.Equal(("bn", 60000m, 59997m, 60003m, 60000m), (json.GetProperty("venue").GetString(), json.GetProperty("last").GetDecimal(),
            json.GetProperty("bid").GetDecimal(), json.GetProperty("ask").GetDecimal(), json.GetProperty("mid").GetDecimal()));
        Assert.Equal(1, _f.Exchange.RequestCount("GET", "/api/v3/ticker/price"));
        AssertNoSignedRequest();
    }

    [Fact]
    public void MarketRules_OnBinance_AreTheExchangeInfoFilters()
    {
        var json = _f.Robson.Expect(0, "market", "rules", "ETHUSDT", "--venue", "bn", "--client-id", "1", "--json").Json;

        Assert.Equal(("TRADING", 0.01m, 0.0001m, 5m), (json.GetProperty("status").GetString(), json.GetProperty("tick_size").GetDecimal(),
            json.GetProperty("step_size").GetDecimal(), json.GetProperty("min_notional").GetDecimal()));
        var types = json.GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("type").GetString()).ToList();
        Assert.Equal(["PRICE_FILTER", "LOT_SIZE", "ICEBERG_PARTS", "MARKET_LOT_SIZE", "TRAILING_DELTA", "PERCENT_PRICE_BY_SIDE", "NOTIONAL",
            "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS"], types);
        AssertNoSignedRequest();
    }

    [Fact]
    public void MarketBook_OnBinance_UnknownSymbol_ExitsTwo()
    {
        var run = _f.Robson.Expect(2, "market", "book", "DOGEUSDT", "--venue", "bn", "--client-id", "1");

        Assert.Equal("robson: unknown symbol 'DOGEUSDT' on venue 'bn'\n", run.Stderr);
    }

    [Fact]
    public void Market_VenueUnreachable_ExitsOne()
    {
        _f.Robson.Expect(0, "venue", "add", "down", "--kind", "binance-compatible", "--base-url", "http://127.0.0.1:9", "--client-id", "1");

        var run = _f.Robson.Expect(1, "market", "price", "BTCUSDT", "--venue", "down", "--client-id", "1");

        Assert.StartsWith("robson: venue unavailable:", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Live_QuoteBuy_SendsQuoteOrderQty_AndTheStopCoversWhatWasBought()
    {
        var plan = _f.Robson.Plan("1", "buy", "BTCUSDT", "--quote", "100", "--stop-loss", "58000", "--venue", "bn", "--strategy-id", _f.StrategyId);
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");

        var run = _f.Live(plan);

        Assert.True(run.ExitCode == 0, run.ToString());
        var sent = Assert.Single(_f.Exchange.Requests, r => r.Endpoint == "POST /api/v3/order" && !$"{r.Query}&{r.Body}".Contains("-p1"));
        var parameters = $"{sent.Query.TrimStart('?')}&{sent.Body}".Split('&', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("quoteOrderQty=100", parameters);
        Assert.Contains("type=MARKET", parameters);
        Assert.DoesNotContain(parameters, p => p.StartsWith("quantity=", StringComparison.Ordinal) || p.StartsWith("price=", StringComparison.Ordinal)
            || p.StartsWith("timeInForce=", StringComparison.Ordinal));
        // 100 / 60,003 = 0.0016665... BTC, down to the step: 0.00166.
        var entry = Assert.Single(_f.EntryOrders);
        Assert.Equal(("MARKET", 100m, 0.00166m, "FILLED"), (entry.Type, entry.OrigQuoteOrderQty, entry.ExecutedQty, entry.Status));
        var details = _f.Action(run).GetProperty("details");
        Assert.Equal(("0.00166", "100", "PROTECTED"), (details.GetProperty("executed_quantity").GetString(), details.GetProperty("quote_quantity").GetString(),
            details.GetProperty("protection").GetString()));
        // 0.00166 bought, 0.00000166 BTC fee: 0.00165834 held, down to the step.
        Assert.Equal(0.00165m, _f.AssertProtectedOnce(entry).Quantity);
        _f.AssertAtMostOnce();
    }
}
