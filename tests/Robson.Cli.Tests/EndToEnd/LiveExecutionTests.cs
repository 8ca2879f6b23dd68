using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>What LIVE requires beyond the usage examples: fresh validation of this exact strategy version, once only.</summary>
public sealed class LiveExecutionTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun Live(string planId, string client = "1") =>
        _robson.Run("execute", planId, "--client-id", client, "--live", "--acknowledge-risk");

    [Fact]
    public void Execute_SamePlanLiveTwice_SecondBlockedBySingleLiveExecution()
    {
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        Assert.Equal(0, Live(planId).ExitCode);

        var second = Live(planId);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("✗ SingleLiveExecution", second.Stdout);
        Assert.Equal(1, _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }

    [Fact]
    public void Execute_ValidationOlderThanTtl_Blocked_AndExactlyAtTtl_Allowed()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--validation-ttl-minutes", "5"]);
        var expired = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        var onTime = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.02");
        _robson.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, Live(onTime).ExitCode);
        _robson.Clock.Advance(TimeSpan.FromTicks(1));
        var run = Live(expired);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ ValidationRequired: Validation expired", run.Stdout);
    }

    [Fact]
    public void Execute_StrategyChangedAfterValidation_Blocked_UntilValidatedAgain()
    {
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Expect(0, "strategy", "set", strategy, "--client-id", "1", "--max-orders-per-day", "20");

        var blocked = Live(planId);
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("✗ ValidationRequired: Strategy changed since validation", blocked.Stdout);

        _robson.Expect(0, "validate", planId, "--client-id", "1");
        Assert.Equal(0, Live(planId).ExitCode);
    }

    [Fact]
    public void Execute_FailedValidation_BlocksLive()
    {
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.000015", "--strategy-id", strategy);
        var validation = _robson.Expect(1, "validate", planId, "--client-id", "1");
        Assert.Contains("[LOT_SIZE]", validation.Stdout);
        Assert.Contains("0.00001 and 0.00002", validation.Stdout);
        Assert.Contains("EXECUTION BLOCKED", validation.Stdout);

        var run = Live(planId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ ValidationRequired: Validation failed", run.Stdout);
    }

    [Fact]
    public void Execute_PlanWithoutStrategy_CanDryRunButNeverGoLive()
    {
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        Assert.Equal(1, _robson.Run("validate", planId, "--client-id", "1").ExitCode);

        var run = Live(planId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ Policy: Policy refuses [STRATEGY_REQUIRED]", run.Stdout);
        Assert.Equal(0, _robson.Run("execute", planId, "--client-id", "1").ExitCode);
    }

    [Fact]
    public void Execute_StrategyWithLiveDisabled_BlockedByPolicy()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--live-enabled", "false"]);
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");

        var run = Live(planId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not enable LIVE", run.Stdout);
    }

    [Fact]
    public void Execute_SymbolNotAllowedByStrategy_BlockedByPolicyEvenInDryRun()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--allowed-symbols", "BTCUSDT"]);
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);

        var run = _robson.Run("execute", planId, "--client-id", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ Policy: Policy refuses [SYMBOL_NOT_ALLOWED] symbol ETHUSDT is not allowed by the strategy", run.Stdout);
    }

    [Fact]
    public void Execute_NotionalLimitProjected_OrderThatWouldCrossTheLimitIsBlocked()
    {
        // 0.01 ETH ≈ 30 USDT a plan; the limit of 50 admits one but not two.
        var strategy = _robson.CreateLiveStrategy(maxNotional: "50");
        Assert.Equal(0, Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01")).ExitCode);

        var run = Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✗ ExecutionLimits: Max notional limit", run.Stdout);
    }

    [Fact]
    public void DryRun_PastTheLimit_ReportsWouldBlockLiveButSucceeds()
    {
        var strategy = _robson.CreateLiveStrategy(maxOrders: "1");
        Assert.Equal(0, Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01")).ExitCode);
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);

        var run = _robson.Expect(0, "execute", planId, "--client-id", "1");

        Assert.Contains("✓ ExecutionLimits: Would block LIVE: Max orders limit: 1 today + 1 planned > 1", run.Stdout);
    }

    [Fact]
    public void Execute_PaperLossReachesTheLimit_BlocksFurtherPaperLive_ButNeverHalts()
    {
        // A paper loss is judged against the paper venue's own limit; only real venues' losses halt the tenant
        // (BooksPerVenueTests shows the halt on a Binance venue).
        var strategy = _robson.CreateLiveStrategy(maxLoss: "100");
        Assert.Equal(0, Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "1", "--stop-loss", "2910")).ExitCode);
        // The protective stop comes off first, so the price can fall through it and the sell below realises the loss.
        var stop = _robson.Expect(0, "orders", "list", "--client-id", "1").Stdout.Split('\n').Single(l => l.Contains("PROTECTIVE_STOP")).Split(' ')[0];
        var cancel = _robson.Expect(0, "plan", "cancel", "--order", stop, "--client-id", "1", "--strategy-id", strategy, "--json").Json.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", cancel, "--client-id", "1");
        Assert.Equal(0, Live(cancel).ExitCode);
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "2900");
        var sell = Live(_robson.ValidatedPlan("1", strategy, "sell", "ETHUSDT", "1"));
        Assert.Equal(0, sell.ExitCode);
        Assert.DoesNotContain("HALTED", sell.Stdout);

        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        // Bought 1 @ 3000.15 + 3.00015 fee; sold 1 @ 2899.86 (mid 2900 − 0.14 half-spread) − 2.89986 fee: 2896.96014 − 3003.15015.
        Assert.Equal(-106.19001m, report.GetProperty("realised_pnl").GetDecimal());
        var next = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy, "--stop-loss", "2800");
        Assert.Contains("[STOP_LOSS_RISK_EXCEEDED]", _robson.Expect(1, "validate", next, "--client-id", "1").Stdout);
        var run = Live(next);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✓ TradingState", run.Stdout);
        Assert.Contains("Max loss limit reached: 106.19001 >= 100", run.Stdout);
    }

    [Fact]
    public void LiveBuyWhoseFundsWereSpentSinceValidation_IsBlockedAsItLeaves_ByInsufficientBalance_AndCountsNothing()
    {
        var strategy = _robson.CreateLiveStrategy(maxPosition: "100");
        var first = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "2");
        var second = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "2");
        Assert.Equal(0, Live(first).ExitCode);

        var run = Live(second);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("STATUS: ✗ BLOCKED", run.Stdout);
        Assert.Contains("✗ MarketConditions", run.Stdout);
        Assert.Contains("[INSUFFICIENT_BALANCE]", run.Stdout);
        Assert.Equal(1, _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }
}
