namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// `robson market price|book|rules` on the paper venue (BTCUSDT reference 60,000: best bid 59,997, best ask 60,003):
/// public data, read without a store (ROBSON_HOME is never created), one JSON document with --json, and exit 2 with one
/// line for an unknown symbol or venue.
/// </summary>
public sealed class MarketCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Price_OnPaper_GivesLastBidAskMidAndTheBooksTime_WithoutCreatingRobsonHome()
    {
        var json = _robson.Expect(0, "market", "price", "BTCUSDT", "--json").Json;

        Assert.Equal(("paper", "BTCUSDT", "BTC", "USDT"), (json.GetProperty("venue").GetString(), json.GetProperty("symbol").GetString(),
            json.GetProperty("base_asset").GetString(), json.GetProperty("quote_asset").GetString()));
        Assert.Equal((60000m, 59997m, 60003m, 60000m, 6m), (json.GetProperty("last").GetDecimal(), json.GetProperty("bid").GetDecimal(),
            json.GetProperty("ask").GetDecimal(), json.GetProperty("mid").GetDecimal(), json.GetProperty("spread").GetDecimal()));
        Assert.Equal(Support.Robson.Start, DateTimeOffset.Parse(json.GetProperty("as_of").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0m, json.GetProperty("age_seconds").GetDecimal());
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Fact]
    public void Price_HumanReport_SaysWhereTheFiguresComeFrom()
    {
        var run = _robson.Expect(0, "market", "price", "ETHUSDT");

        Assert.Contains("ETHUSDT on paper (ETH/USDT)", run.Stdout);
        Assert.Contains("last:    3000", run.Stdout);
        Assert.Contains("bid:     2999.85", run.Stdout);
        Assert.Contains("ask:     3000.15", run.Stdout);
        Assert.Contains("book as of 2026-11-25 12:00:00 UTC (age 0 s)", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Price_AfterPaperSetPrice_FollowsTheNewPrice()
    {
        _robson.Expect(0, "paper", "set-price", "BTCUSDT", "61000");

        var json = _robson.Expect(0, "market", "price", "BTCUSDT", "--json").Json;

        Assert.Equal((61000m, 61000m), (json.GetProperty("last").GetDecimal(), json.GetProperty("mid").GetDecimal()));
    }

    [Fact]
    public void Book_GivesTheBestLevelsEachSide_FiveByDefault_OrDepth()
    {
        var five = _robson.Expect(0, "market", "book", "BTCUSDT", "--json").Json;
        var three = _robson.Expect(0, "market", "book", "BTCUSDT", "--depth", "3", "--json").Json;

        Assert.Equal((5, 5, 5), (five.GetProperty("depth").GetInt32(), five.GetProperty("bids").GetArrayLength(), five.GetProperty("asks").GetArrayLength()));
        Assert.Equal((3, 3), (three.GetProperty("bids").GetArrayLength(), three.GetProperty("asks").GetArrayLength()));
        var bids = three.GetProperty("bids").EnumerateArray().Select(l => l.GetProperty("price").GetDecimal()).ToList();
        var asks = three.GetProperty("asks").EnumerateArray().Select(l => l.GetProperty("price").GetDecimal()).ToList();
        Assert.Equal(59997m, bids[0]);
        Assert.Equal(60003m, asks[0]);
        Assert.Equal(bids.OrderByDescending(p => p), bids); // best (highest) bid first
        Assert.Equal(asks.Order(), asks); // best (lowest) ask first
        Assert.All(three.GetProperty("asks").EnumerateArray(), l => Assert.True(l.GetProperty("quantity").GetDecimal() > 0));
        Assert.Contains("BTCUSDT on paper: best 3 levels", _robson.Expect(0, "market", "book", "BTCUSDT", "--depth", "3").Stdout);
    }

    [Fact]
    public void Rules_GiveWhatValidationChecks_StatusSizesMinimumsAndEveryFilter()
    {
        var json = _robson.Expect(0, "market", "rules", "BTCUSDT", "--json").Json;

        Assert.Equal(("TRADING", true), (json.GetProperty("status").GetString(), json.GetProperty("trading").GetBoolean()));
        Assert.Equal((0.01m, 0.00001m, 0.00001m, 5m), (json.GetProperty("tick_size").GetDecimal(), json.GetProperty("step_size").GetDecimal(),
            json.GetProperty("min_qty").GetDecimal(), json.GetProperty("min_notional").GetDecimal()));
        var filters = json.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("type").GetString()!, f => f.GetProperty("values"));
        Assert.Equal("0.00001", filters["LOT_SIZE"].GetProperty("step_size").GetString());
        Assert.Equal("100", filters["MARKET_LOT_SIZE"].GetProperty("max_qty").GetString());
        Assert.Equal("5", filters["NOTIONAL"].GetProperty("min_notional").GetString());
        Assert.Equal("5", filters["PERCENT_PRICE_BY_SIDE"].GetProperty("bid_multiplier_up").GetString());
        Assert.Contains("LOT_SIZE               max_qty=9000, min_qty=0.00001, step_size=0.00001", _robson.Expect(0, "market", "rules", "BTCUSDT").Stdout);
    }

    [Theory]
    [InlineData("unknown symbol 'DOGEUSDT' on venue 'paper'", "market", "price", "DOGEUSDT")]
    [InlineData("unknown symbol 'DOGEUSDT' on venue 'paper'", "market", "rules", "DOGEUSDT")]
    [InlineData("unknown venue 'nowhere'", "market", "book", "BTCUSDT", "--venue", "nowhere", "--client-id", "1")]
    [InlineData("give --client-id N", "market", "price", "BTCUSDT", "--venue", "bn")]
    [InlineData("--depth must be between 1 and 100", "market", "book", "BTCUSDT", "--depth", "101")]
    [InlineData("--depth must be a positive whole number", "market", "book", "BTCUSDT", "--depth", "0")]
    [InlineData("client id must be a positive integer", "market", "price", "BTCUSDT", "--client-id", "x")]
    public void BadInput_ExitsTwo_WithOneLine_AndWritesNothing(string reason, params string[] args)
    {
        var run = _robson.Expect(2, args);

        Assert.Contains(reason, run.Stderr);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", run.Stdout);
        Assert.False(Directory.Exists(_robson.Home));

        // Under --json the same refusal is one error document on stdout, and nothing on stderr.
        var json = _robson.Expect(2, [.. args, "--json"]);
        Assert.Contains(reason, json.Json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("", json.Stderr);
    }
}
