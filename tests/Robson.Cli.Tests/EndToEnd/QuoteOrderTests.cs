using System.Text.Json;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// `plan buy SYMBOL --quote AMOUNT` on the paper venue (10,000 USDT to start, 0.1 % fee in USDT; BTCUSDT best ask
/// 60,003, step 0.00001, minimum notional 5): the plan stores the amount, validation judges the quantity the asks give
/// it, DRY-RUN and LIVE buy what the amount pays for rounded down to the step (100 USDT: 0.00166 BTC for 99.60498), the
/// daily notional counts the amount, and the protective stop covers what filled.
/// </summary>
public sealed class QuoteOrderTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private static JsonElement Details(Support.CliRun run, int action = 0) => run.Json.GetProperty("actions")[action].GetProperty("details");

    private static string D(JsonElement details, string name) => details.GetProperty(name).GetString()!;

    private static string[] Codes(Support.CliRun run) =>
        [.. run.Json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];

    [Fact]
    public void Plan_WithQuote_StoresTheAmount_AsAMarketBuyWithoutQuantity()
    {
        var json = _robson.Expect(0, "plan", "buy", "BTCUSDT", "--quote", "100", "--client-id", "1", "--json").Json;

        var leg = json.GetProperty("legs")[0];
        Assert.Equal(("BUY", "MARKET", 0m, 100m), (leg.GetProperty("side").GetString(), leg.GetProperty("type").GetString(),
            leg.GetProperty("quantity").GetDecimal(), leg.GetProperty("quote_quantity").GetDecimal()));
        var shown = _robson.Expect(0, "plans", "show", json.GetProperty("plan_id").GetString()!, "--client-id", "1").Stdout;
        Assert.Contains("BUY BTCUSDT MARKET spending up to 100 (quote)", shown);
    }

    [Fact]
    public void Plan_WithQuantity_HasNoQuoteAmount()
    {
        var leg = _robson.Expect(0, "plan", "buy", "BTCUSDT", "0.001", "--client-id", "1", "--json").Json.GetProperty("legs")[0];

        Assert.Equal(JsonValueKind.Null, leg.GetProperty("quote_quantity").ValueKind);
    }

    [Fact]
    public void Validate_QuoteBuy_Passes()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "100", "--strategy-id", strategy);

        var run = _robson.Expect(0, "validate", plan, "--client-id", "1", "--json");

        Assert.Equal("PASS", run.Json.GetProperty("status").GetString());
    }

    [Fact]
    public void Validate_QuoteThatWouldBuyBeyondTheCollar_FailsWithPriceCollar()
    {
        // A quote buy leaves without a price, so the collar that caps every market order is checked on the levels the
        // amount reaches. The paper book's best ask (60003) holds ~25,000 USDT; 30,000 reaches 60015, 0.025 % above the mid.
        _robson.Expect(0, "paper", "deposit", "USDT", "100000", "--client-id", "1");
        var strategy = _robson.CreateLiveStrategy(extra: ["--price-collar-percent", "0.01"]);
        var far = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "30000", "--strategy-id", strategy);
        var near = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "20000", "--strategy-id", strategy);

        var refused = _robson.Expect(1, "validate", far, "--client-id", "1", "--json");
        var issue = refused.Json.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "PRICE_COLLAR");
        Assert.Equal(("60015", "0.01"), (D(issue.GetProperty("details"), "worst_price"), D(issue.GetProperty("details"), "collar_percent")));
        Assert.DoesNotContain("PRICE_COLLAR", Codes(_robson.Run("validate", near, "--client-id", "1", "--json")));
    }

    [Fact]
    public void Validate_QuoteUnderTheMinimumNotional_FailsWithMinNotional()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "4.99", "--strategy-id", strategy);

        var run = _robson.Expect(1, "validate", plan, "--client-id", "1", "--json");

        var issue = run.Json.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "MIN_NOTIONAL");
        Assert.Equal(("4.99", "5"), (D(issue.GetProperty("details"), "notional"), D(issue.GetProperty("details"), "min_notional")));
    }

    [Fact]
    public void Validate_QuoteTooSmallForOneStep_FailsOnTheLotSize()
    {
        _robson.Expect(0, "paper", "set-price", "BTCUSDT", "600000"); // one step (0.00001) now costs about 6 USDT
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "5");

        var run = _robson.Expect(1, "validate", plan, "--client-id", "1", "--json");

        var issue = run.Json.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "LOT_SIZE");
        Assert.Equal(("5", "0"), (D(issue.GetProperty("details"), "quote_quantity"), D(issue.GetProperty("details"), "estimated_quantity")));
    }

    [Theory]
    [InlineData("9990", false)] // 9,990 + 9.99 fee = 9,999.99 ≤ 10,000 free
    [InlineData("9991", true)] // 9,991 + 9.991 fee > 10,000 free
    public void Validate_QuoteAmountPlusFee_AgainstTheFreeBalance(string quote, bool insufficient)
    {
        var strategy = _robson.CreateLiveStrategy(maxPosition: "100");
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "--quote", quote, "--strategy-id", strategy);

        var run = _robson.Run("validate", plan, "--client-id", "1", "--json");

        Assert.Equal(insufficient, Codes(run).Contains("INSUFFICIENT_BALANCE"));
        if (insufficient) Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void DryRun_QuoteBuy_SimulatesWhatTheAmountBuys_RoundedDownToTheStep()
    {
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "100");

        var run = _robson.Expect(0, "execute", plan, "--client-id", "1", "--json");

        var details = Details(run);
        // 100 / 60,003 = 0.0016665..., down to the step: 0.00166 for 99.60498 (fee 0.09960498).
        Assert.Equal(("0.00166", "0.00166", "99.60498", "100"), (D(details, "quantity"), D(details, "filled_quantity"), D(details, "notional"),
            D(details, "quote_quantity")));
        var usdt = _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
            .Single(b => b.GetProperty("asset").GetString() == "USDT");
        Assert.Equal(10_000m, usdt.GetProperty("free").GetDecimal()); // DRY-RUN spends nothing
    }

    [Fact]
    public void Live_QuoteBuyOnPaper_SpendsUpToTheAmount_AndTheStopCoversWhatFilled()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "--quote", "100", "--stop-loss", "58000");

        var run = _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

        var entry = Details(run);
        Assert.Equal(("FILLED", "0.00166", "99.60498", "100", "PROTECTED"), (D(entry, "outcome"), D(entry, "executed_quantity"), D(entry, "notional"),
            D(entry, "quote_quantity"), D(entry, "protection")));
        var stop = Details(run, 1);
        Assert.Equal(("PROTECTIVE_STOP", "0.00166", "58000"), (D(stop, "role"), D(stop, "quantity"), D(stop, "stop_price")));
        var balances = _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
            .ToDictionary(b => b.GetProperty("asset").GetString()!, b => (Free: b.GetProperty("free").GetDecimal(), Locked: b.GetProperty("locked").GetDecimal()));
        Assert.Equal(10_000m - 99.60498m - 0.09960498m, balances["USDT"].Free);
        Assert.Equal((0m, 0.00166m), balances["BTC"]);
    }

    [Theory]
    [InlineData("100", true)] // at the limit
    [InlineData("99.99", false)] // one step under: the estimate (99.60498) would fit, the amount does not
    public void Live_DailyNotionalLimit_CountsTheQuoteAmount(string maxNotionalPerDay, bool passes)
    {
        var strategy = _robson.CreateLiveStrategy(maxNotional: maxNotionalPerDay);
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "--quote", "100", "--strategy-id", strategy);
        _robson.Run("validate", plan, "--client-id", "1");

        var run = _robson.Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

        var limits = run.Json.GetProperty("guards").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "ExecutionLimits");
        Assert.True(passes == limits.GetProperty("passed").GetBoolean(), limits.ToString());
        Assert.Equal(passes ? 0 : 1, run.ExitCode);
    }

    [Theory]
    [InlineData("give either QUANTITY or --quote AMOUNT, not both", "plan", "buy", "BTCUSDT", "0.001", "--quote", "100")]
    [InlineData("--quote buys at market: it cannot go with --limit", "plan", "buy", "BTCUSDT", "--quote", "100", "--limit", "60000")]
    [InlineData("--quote must be greater than 0", "plan", "buy", "BTCUSDT", "--quote", "0")]
    [InlineData("--quote", "plan", "buy", "BTCUSDT", "--quote", "abc")]
    [InlineData("robson: ", "plan", "buy", "BTCUSDT", "--quote", "-5")]
    [InlineData("--tif applies to limit orders only", "plan", "buy", "BTCUSDT", "--quote", "100", "--tif", "ioc")]
    [InlineData("QUANTITY is required (or --quote AMOUNT", "plan", "buy", "BTCUSDT")]
    [InlineData("unknown option '--quote' for 'robson plan sell'", "plan", "sell", "BTCUSDT", "--quote", "100")] // buys only
    public void BadInput_ExitsTwo_AndWritesNothing(string reason, params string[] args)
    {
        var run = _robson.Expect(2, [.. args, "--client-id", "1"]);

        Assert.Contains(reason, run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.False(Directory.Exists(_robson.Home), "bad input created ROBSON_HOME");
    }
}
