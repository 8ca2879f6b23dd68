using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 9 finding: a LIVE limit that did not cross the book reported "✓ SUCCESS … 1 order(s) placed" and exit 0, although
/// nothing filled and nothing rested. Each leg now states its outcome; an execution in which no leg filled and none rests
/// is NOT_FILLED (exit 1); a resting limit is a success that says so.
/// </summary>
public sealed class LegOutcomeTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun Live(string plan) => _robson.Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

    [Fact]
    public void LimitThatDoesNotCross_WithIoc_EndsNotFilled_ExitOne_AndCountsNothing()
    {
        var strategy = _robson.CreateLiveStrategy();
        var run = Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--limit", "2950", "--tif", "ioc"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("NOT_FILLED", run.Json.GetProperty("status").GetString());
        var leg = run.Json.GetProperty("actions")[0].GetProperty("details");
        Assert.Equal(("EXPIRED", "0"), (leg.GetProperty("outcome").GetString(), leg.GetProperty("executed_quantity").GetString()));
        Assert.Equal(1, run.Json.GetProperty("actions").GetArrayLength()); // nothing bought: nothing to protect
        Assert.Contains("No order filled and none rests", run.Json.GetProperty("error").GetString());
        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal(0, report.GetProperty("fills").GetInt32());
    }

    [Fact]
    public void LimitThatDoesNotCross_Gtc_Rests_AndIsASuccessThatSaysResting()
    {
        var strategy = _robson.CreateLiveStrategy();
        var run = _robson.Run("execute", _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--limit", "2950"),
            "--client-id", "1", "--live", "--acknowledge-risk");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("STATUS: ✓ SUCCESS", run.Stdout);
        Assert.Contains("RESTING on paper: 0 of 0.1 filled, open at 2950", run.Stdout);
        Assert.Contains("ACKED", _robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);
    }

    [Fact]
    public void FilledMarketBuy_SaysFilled_WithTheQuantity()
    {
        var strategy = _robson.CreateLiveStrategy();
        var run = Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1"));

        Assert.Equal(0, run.ExitCode);
        var leg = run.Json.GetProperty("actions")[0].GetProperty("details");
        Assert.Equal(("FILLED", "0.1", "PROTECTED"),
            (leg.GetProperty("outcome").GetString(), leg.GetProperty("executed_quantity").GetString(), leg.GetProperty("protection").GetString()));
    }
}

/// <summary>
/// A buy whose protective stop the venue would refuse fails validation, before anything is bought: otherwise the fill
/// would end UNPROTECTED. Paper ETHUSDT: minimum notional 5.
/// </summary>
public sealed class ProtectiveOrderValidationTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void BuyWhoseStopWouldFallUnderTheMinimumNotional_FailsValidation_WithProtectiveOrderInvalid()
    {
        var strategy = _robson.CreateLiveStrategy();
        // 0.0017 ETH ≈ 5.1 at 3000 passes the minimum notional; its stop limit 2880 × 0.995 × 0.0016 (after the fee, on the step) does not.
        var plan = _robson.Plan("1", "buy", "ETHUSDT", "0.0017", "--stop-loss", "2880", "--strategy-id", strategy);

        var run = _robson.Expect(1, "validate", plan, "--client-id", "1", "--json");

        var issue = run.Json.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "PROTECTIVE_ORDER_INVALID");
        Assert.Contains("NOTIONAL", issue.GetProperty("message").GetString());
    }
}
