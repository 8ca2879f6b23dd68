using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>halt / reduce-only / resume: persistent, audited, checked where every LIVE order passes.</summary>
public sealed class KillSwitchTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun Live(string planId) => _robson.Run("execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");

    [Fact]
    public void Halt_SurvivesARestart_AndRefusesEveryLiveOrderUntilResumed()
    {
        _robson.Clock.Now = DateTimeOffset.UtcNow; // the separate process below reads the real clock
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Expect(0, "halt", "--client-id", "1", "--reason", "desk review");

        // A new OS process (a restart) still sees the halt.
        var restarted = RobsonProcess.Run(_robson.Home, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");
        Assert.Equal(1, restarted.ExitCode);
        Assert.Contains("✗ TradingState: Trading is HALTED: desk review", restarted.Stdout);
        Assert.Contains("[TRADING_HALTED]", _robson.Expect(1, "validate", planId, "--client-id", "1").Stdout);
        Assert.Contains("Would block LIVE: Trading is HALTED", _robson.Expect(0, "execute", planId, "--client-id", "1").Stdout);

        Assert.Contains("--acknowledge-risk", _robson.Expect(2, "resume", "--client-id", "1").Stderr);
        _robson.Expect(0, "resume", "--client-id", "1", "--acknowledge-risk");
        _robson.Expect(0, "validate", planId, "--client-id", "1");
        Assert.Equal(0, Live(planId).ExitCode);
    }

    [Fact]
    public void ReduceOnly_LetsAReducingSellThrough_AndBlocksABuy()
    {
        var strategy = _robson.CreateLiveStrategy();
        Assert.Equal(0, Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.02")).ExitCode);
        var buy = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        var sell = _robson.ValidatedPlan("1", strategy, "sell", "ETHUSDT", "0.01");
        var oversell = _robson.Plan("1", "sell", "ETHUSDT", "0.05", "--strategy-id", strategy);
        _robson.Expect(0, "reduce-only", "--client-id", "1");

        var blocked = Live(buy);
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("✗ TradingState: Trading is REDUCING", blocked.Stdout);
        Assert.Contains("[TRADING_REDUCE_ONLY]", _robson.Expect(1, "validate", oversell, "--client-id", "1").Stdout);

        var reduced = Live(sell);
        Assert.Equal(0, reduced.ExitCode);
        Assert.Contains("✓ TradingState: REDUCING: plan only reduces positions", reduced.Stdout);
    }

    [Fact]
    public void KillSwitchChanges_AreAudited()
    {
        _robson.Expect(0, "halt", "--client-id", "1", "--reason", "fat finger seen");
        _robson.Expect(0, "reduce-only", "--client-id", "1");
        _robson.Expect(0, "resume", "--client-id", "1", "--acknowledge-risk");

        var kinds = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).Reverse().ToList();
        Assert.Equal(["TRADING_HALTED", "TRADING_REDUCE_ONLY", "TRADING_RESUMED"], kinds);
    }

    [Fact]
    public void Halt_WithoutReason_IsAUsageError() =>
        Assert.Contains("--reason", _robson.Expect(2, "halt", "--client-id", "1").Stderr);
}
