using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Each policy refusal, named by its rule, before any other guard does work.</summary>
public sealed class PolicyRefusalTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private string PolicyOf(CliRun run) =>
        run.Json.GetProperty("guards").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Policy").GetProperty("message").GetString()!;

    private CliRun LiveJson(string planId) =>
        _robson.Run("execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

    [Fact]
    public void LiveMarketOrderWithoutANotionalLimit_IsRefused()
    {
        var strategy = _robson.Expect(0, "strategy", "create", "--client-id", "1", "--name", "nolimit", "--max-drawdown-percent", "20",
            "--stop-loss-percent", "5", "--max-orders-per-day", "5", "--max-notional-per-day", "1000", "--max-loss-per-day", "100",
            "--live-enabled", "--json").Json.GetProperty("strategy_id").ToString();
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");

        var run = LiveJson(planId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[MARKET_WITHOUT_NOTIONAL_LIMIT]", PolicyOf(run));
        Assert.Equal(["TenantContext", "Policy"], run.Json.GetProperty("guards").EnumerateArray().Take(2).Select(g => g.GetProperty("name").GetString()));
    }

    [Fact]
    public void LiveUnderAStrategyWithLiveDisabled_IsRefused()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--live-enabled", "false"]);
        var run = LiveJson(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01"));
        Assert.Contains("[LIVE_DISABLED]", PolicyOf(run));
    }

    [Fact]
    public void LiveForAPlanWithoutAStrategy_IsRefused()
    {
        var run = LiveJson(_robson.Plan("1", "buy", "ETHUSDT", "0.01"));
        Assert.Contains("[STRATEGY_REQUIRED]", PolicyOf(run));
    }

    [Fact]
    public void OrderAboveMaxNotionalPerOrder_IsRefused_EvenInDryRun()
    {
        var strategy = _robson.CreateLiveStrategy(maxNotionalPerOrder: "20");
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);
        Assert.Contains("[MAX_NOTIONAL_PER_ORDER]", _robson.Expect(1, "validate", planId, "--client-id", "1").Stdout);

        var run = _robson.Run("execute", planId, "--client-id", "1", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[MAX_NOTIONAL_PER_ORDER]", PolicyOf(run));
    }

    [Fact]
    public void PlanKindOrOrderTypeTheStrategyDoesNotApprove_IsRefused()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--allowed-plan-kinds", "buy", "--allowed-order-types", "limit"]);
        var planId = _robson.Plan("1", "sell", "ETHUSDT", "0.01", "--strategy-id", strategy);

        var run = LiveJson(planId);

        Assert.Contains("[PLAN_KIND_NOT_ALLOWED]", PolicyOf(run));
        Assert.Contains("[ORDER_TYPE_NOT_ALLOWED]", PolicyOf(run));
    }
}
