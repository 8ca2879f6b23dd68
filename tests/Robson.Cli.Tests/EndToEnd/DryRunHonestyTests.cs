using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// A DRY-RUN says whether LIVE would go through: each guard's <c>blocks_live</c>, the execution's <c>live_ready</c>,
/// and the human report's last line <c>LIVE WOULD BE BLOCKED BY: ...</c>. The DRY-RUN itself still succeeds (exit 0).
/// </summary>
public sealed class DryRunHonestyTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun DryRun(string planId, bool json = false) =>
        json ? _robson.Expect(0, "execute", planId, "--client-id", "1", "--json") : _robson.Expect(0, "execute", planId, "--client-id", "1");

    private static string LastLine(CliRun run) => run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    private static List<string> BlockingLive(JsonElement execution) =>
        execution.GetProperty("guards").EnumerateArray().Where(g => g.GetProperty("blocks_live").GetBoolean())
            .Select(g => g.GetProperty("name").GetString()!).ToList();

    [Fact]
    public void DryRun_OfAPlanAlreadyExecutedLive_SucceedsButSaysLiveWouldBeBlockedBySingleLiveExecution()
    {
        var planId = _robson.ValidatedPlan("1", _robson.CreateLiveStrategy(), "buy", "BTCUSDT", "0.001");
        _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");

        var human = DryRun(planId);
        var json = DryRun(planId, json: true).Json;

        Assert.Contains("STATUS: ✓ SUCCESS", human.Stdout);
        Assert.Equal("LIVE WOULD BE BLOCKED BY: SingleLiveExecution", LastLine(human));
        Assert.Equal("SUCCESS", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("live_ready").GetBoolean());
        var guard = json.GetProperty("guards").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "SingleLiveExecution");
        Assert.True(guard.GetProperty("passed").GetBoolean());
        Assert.True(guard.GetProperty("blocks_live").GetBoolean());
        Assert.Equal(["SingleLiveExecution"], BlockingLive(json));
    }

    [Fact]
    public void DryRun_OfAFreshValidatedPlan_IsLiveReady()
    {
        var planId = _robson.ValidatedPlan("1", _robson.CreateLiveStrategy(), "buy", "BTCUSDT", "0.001");

        var human = DryRun(planId);
        var json = DryRun(planId, json: true).Json;

        Assert.True(json.GetProperty("live_ready").GetBoolean());
        Assert.Empty(BlockingLive(json));
        Assert.DoesNotContain("LIVE WOULD BE BLOCKED", human.Stdout);
        Assert.StartsWith("LIVE READY", LastLine(human));
    }

    [Fact]
    public void DryRun_OfAnUnvalidatedPlanWhileHalted_NamesEveryGuardThatWouldBlockLive()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", _robson.CreateLiveStrategy());
        _robson.Expect(0, "halt", "--client-id", "1", "--reason", "maintenance");

        var human = DryRun(planId);

        Assert.Equal("LIVE WOULD BE BLOCKED BY: ValidationRequired, TradingState", LastLine(human));
        Assert.Equal(["ValidationRequired", "TradingState"], BlockingLive(DryRun(planId, json: true).Json));
    }

    [Fact]
    public void DryRun_PastTheDailyLimit_SaysLiveWouldBeBlockedByExecutionLimits()
    {
        var strategy = _robson.CreateLiveStrategy(maxOrders: "1");
        _robson.Expect(0, "execute", _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01"), "--client-id", "1", "--live", "--acknowledge-risk");
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");

        Assert.Equal("LIVE WOULD BE BLOCKED BY: ExecutionLimits", LastLine(DryRun(planId)));
    }

    [Fact]
    public void Live_BlocksLiveIsExactlyTheFailedGuards_AndLiveReadyIsFalseWhenBlocked()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", _robson.CreateLiveStrategy());

        var json = _robson.Expect(1, "execute", planId, "--client-id", "1", "--live", "--json").Json;

        Assert.False(json.GetProperty("live_ready").GetBoolean());
        Assert.Equal(["ValidationRequired", "Acknowledgement"], BlockingLive(json));
        Assert.All(json.GetProperty("guards").EnumerateArray(),
            g => Assert.Equal(!g.GetProperty("passed").GetBoolean(), g.GetProperty("blocks_live").GetBoolean()));
    }

    [Fact]
    public void Live_EachFailedGuardCarriesItsCode_EachPassedGuardNone()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", _robson.CreateLiveStrategy());

        var guards = _robson.Expect(1, "execute", planId, "--client-id", "1", "--live", "--json").Json.GetProperty("guards").EnumerateArray().ToList();

        Assert.Equal(["VALIDATION_MISSING", "ACKNOWLEDGEMENT_REQUIRED"],
            guards.Where(g => !g.GetProperty("passed").GetBoolean()).Select(g => g.GetProperty("code").GetString()));
        Assert.All(guards.Where(g => g.GetProperty("passed").GetBoolean()), g => Assert.Equal(JsonValueKind.Null, g.GetProperty("code").ValueKind));
    }

    [Fact]
    public void ExecutionsShow_KeepsBlocksLiveAndLiveReady()
    {
        var planId = _robson.ValidatedPlan("1", _robson.CreateLiveStrategy(), "buy", "BTCUSDT", "0.001");
        _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");
        var executionId = DryRun(planId, json: true).Json.GetProperty("execution_id").GetString()!;

        var shown = _robson.Expect(0, "executions", "show", executionId, "--client-id", "1", "--json").Json;

        Assert.False(shown.GetProperty("live_ready").GetBoolean());
        Assert.Equal(["SingleLiveExecution"], BlockingLive(shown));
        Assert.Contains("LIVE WOULD BE BLOCKED BY: SingleLiveExecution", _robson.Expect(0, "executions", "show", executionId, "--client-id", "1").Stdout);
    }

    [Fact]
    public void ExecutionsShow_OfARowWrittenBeforeBlocksLive_ReadsItAsTheFailedGuards()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001");
        DryRun(planId);
        AuditTampering.Sql(_robson.DatabasePath,
            "INSERT INTO executions (id, client_id, plan_id, plan_hash, venue, mode, status, guards_json, actions_json, error, executed_at) " +
            "SELECT 'e0ld0001', client_id, plan_id, plan_hash, venue, 'LIVE', 'BLOCKED', " +
            "'[{\"name\":\"TenantContext\",\"passed\":true,\"message\":\"ok\",\"details\":{}}," +
            "{\"name\":\"Acknowledgement\",\"passed\":false,\"message\":\"no\",\"details\":{}}]', '[]', 'blocked', executed_at FROM executions");

        var shown = _robson.Expect(0, "executions", "show", "e0ld0001", "--client-id", "1", "--json").Json;

        Assert.Equal(["Acknowledgement"], BlockingLive(shown));
        Assert.False(shown.GetProperty("live_ready").GetBoolean());
    }
}
