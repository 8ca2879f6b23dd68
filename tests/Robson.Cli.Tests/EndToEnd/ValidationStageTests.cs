using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>The paper-trading stage through the CLI: each check's code, and how the report reads.</summary>
public sealed class ValidationStageTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _strategy;

    public ValidationStageTests() => _strategy = _robson.CreateLiveStrategy();

    public void Dispose() => _robson.Dispose();

    private List<string> Codes(params string[] planArgs)
    {
        var planId = _robson.Plan("1", [.. planArgs, "--strategy-id", _strategy]);
        var run = _robson.Run("validate", planId, "--client-id", "1", "--json");
        return run.Json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
    }

    [Fact]
    public void FatFingerLimit_FailsThePriceCollar() =>
        Assert.Contains("PRICE_COLLAR", Codes("buy", "ETHUSDT", "0.01", "--limit", "3200", "--stop-loss", "3100"));

    [Fact]
    public void LimitJustInsideTheCollar_Passes() =>
        Assert.DoesNotContain("PRICE_COLLAR", Codes("buy", "ETHUSDT", "0.01", "--limit", "3150", "--stop-loss", "3000"));

    [Fact]
    public void OffTickPrice_FailsAndNamesTheNearestValidPrices()
    {
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--limit", "3000.005", "--stop-loss", "2910", "--strategy-id", _strategy);
        var run = _robson.Expect(1, "validate", planId, "--client-id", "1");
        Assert.Contains("[PRICE_FILTER]", run.Stdout);
        Assert.Contains("3000 and 3000.01", run.Stdout);
        Assert.Contains("EXECUTION BLOCKED", run.Stdout);
    }

    [Fact]
    public void MarketOrderLargerThanTheBook_FailsInsufficientDepth()
    {
        _robson.Expect(0, "paper", "deposit", "BTC", "500", "--client-id", "1");
        Assert.Contains("INSUFFICIENT_DEPTH", Codes("sell", "BTCUSDT", "99"));
    }

    [Fact]
    public void MarketOrderDeepIntoTheBook_WarnsHighSlippage()
    {
        _robson.Expect(0, "paper", "deposit", "SOL", "50000", "--client-id", "1");
        var sensitive = _robson.CreateLiveStrategy(maxNotionalPerOrder: "1000000", extra: ["--slippage-warning-percent", "0.05"]);
        var planId = _robson.Plan("1", "sell", "SOLUSDT", "3000", "--strategy-id", sensitive);
        var issues = _robson.Run("validate", planId, "--client-id", "1", "--json").Json.GetProperty("issues").EnumerateArray().ToList();
        var slippage = Assert.Single(issues, i => i.GetProperty("code").GetString() == "HIGH_SLIPPAGE");
        Assert.Equal("WARNING", slippage.GetProperty("severity").GetString());
    }

    [Fact]
    public void BuyBeyondFreeQuote_FailsInsufficientBalance() =>
        Assert.Contains("INSUFFICIENT_BALANCE", Codes("buy", "ETHUSDT", "4", "--stop-loss", "2910"));

    [Fact]
    public void SellOfAssetNotHeld_FailsInsufficientBalance() =>
        Assert.Contains("INSUFFICIENT_BALANCE", Codes("sell", "ETHUSDT", "0.01"));

    [Fact]
    public void BuyTakingThePositionPastItsShareOfEquity_FailsMaxPosition() =>
        Assert.Contains("MAX_POSITION_EXCEEDED", Codes("buy", "ETHUSDT", "1.8", "--stop-loss", "2910"));

    [Fact]
    public void BuyWithoutStopLoss_FailsWithASuggestion()
    {
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--limit", "3000", "--strategy-id", _strategy, "--stop-loss", "2851");
        Assert.DoesNotContain("[STOP_LOSS", _robson.Expect(0, "validate", planId, "--client-id", "1").Stdout);

        var bare = _robson.Expect(0, "plan", "buy", "ETHUSDT", "0.01", "--limit", "3000", "--client-id", "1", "--strategy-id", _strategy, "--json")
            .Json.GetProperty("plan_id").GetString()!;
        var run = _robson.Run("validate", bare, "--client-id", "1", "--json");
        var issue = run.Json.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "STOP_LOSS_REQUIRED");
        Assert.Equal("2850", issue.GetProperty("details").GetProperty("suggested_stop_loss").GetString());
    }

    [Fact]
    public void StopLossAboveEntryOrTooFar_FailsStopLossInvalid()
    {
        Assert.Contains("STOP_LOSS_INVALID", Codes("buy", "ETHUSDT", "0.01", "--limit", "3000", "--stop-loss", "3001"));
        Assert.Contains("STOP_LOSS_INVALID", Codes("buy", "ETHUSDT", "0.01", "--limit", "3000", "--stop-loss", "2849.99"));
    }

    [Fact]
    public void LossAtStopBeyondTheDailyLossLimit_Fails()
    {
        var tight = _robson.CreateLiveStrategy(maxLoss: "5");
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.1", "--stop-loss", "2900", "--strategy-id", tight);
        Assert.Contains("[STOP_LOSS_RISK_EXCEEDED]", _robson.Expect(1, "validate", planId, "--client-id", "1").Stdout);
    }

    [Fact]
    public void DrawdownBeyondTheStrategysMaximum_FailsValidation()
    {
        _robson.Expect(0, "paper", "deposit", "ETH", "3", "--client-id", "1");
        _robson.Expect(0, "validate", _robson.Plan("1", "sell", "ETHUSDT", "0.01", "--strategy-id", _strategy), "--client-id", "1");
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "900"); // equity 19,000 -> 12,700: a 33 % drawdown

        Assert.Contains("MAX_DRAWDOWN_EXCEEDED", Codes("sell", "ETHUSDT", "0.01"));
    }

    [Fact]
    public void Report_GroupsFailuresThenWarnings_AndEndsWithTheVerdict()
    {
        var loose = _robson.CreateLiveStrategy(maxPosition: "80");
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--limit", "3000.005", "--stop-loss", "2910", "--strategy-id", loose);
        var text = _robson.Expect(1, "validate", planId, "--client-id", "1").Stdout;

        Assert.True(text.IndexOf("FAILURES (", StringComparison.Ordinal) < text.IndexOf("WARNINGS (", StringComparison.Ordinal), text);
        Assert.Contains("[MAX_POSITION_HIGH]", text);
        Assert.EndsWith("EXECUTION BLOCKED: fix the failures above, then plan and validate again\n" + new string('=', 60) + "\n", text);
    }
}
