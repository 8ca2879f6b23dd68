using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Every command that changes state, or tries to, leaves exactly its audit events (blocked executions and failed
/// validations included), each stamped with who, where, the command and Robson's version; read-only commands and
/// refused input (exit 2) leave none.
/// </summary>
public sealed class AuditCompletenessTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    /// <summary>Every event but the operator views this helper itself records (AUDIT_ALL_TENANTS_READ).</summary>
    private List<JsonElement> AllEvents() =>
        _robson.Expect(0, "audit", "export", "--all-tenants").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("kind").GetString() != "AUDIT_ALL_TENANTS_READ").ToList();

    /// <summary>Runs <paramref name="act"/> and asserts the events it appended: "client KIND RESULT" each, in order.</summary>
    private T Step<T>(string[] expected, Func<T> act)
    {
        var before = AllEvents().Count;
        var value = act();
        var added = AllEvents().Skip(before).ToList();
        Assert.Equal(expected, added.Select(e =>
            $"{(e.GetProperty("client_id").ValueKind == JsonValueKind.Null ? "-" : e.GetProperty("client_id").GetInt64().ToString())} " +
            $"{e.GetProperty("kind").GetString()} {e.GetProperty("result").GetString()}"));
        foreach (var e in added)
        {
            Assert.Equal(("tester", "test-host"), (e.GetProperty("actor").GetString(), e.GetProperty("host").GetString()));
            Assert.StartsWith("robson ", e.GetProperty("command").GetString());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("robson_version").GetString()));
            Assert.Equal(_robson.Clock.Now.UtcDateTime, DateTime.Parse(e.GetProperty("occurred_at").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
            if (e.GetProperty("kind").GetString()!.StartsWith("PLAN_", StringComparison.Ordinal) || e.GetProperty("kind").GetString() == "ORDER_SENT")
            {
                Assert.Matches("^[0-9a-f]+$", e.GetProperty("plan_id").GetString());
                Assert.Matches("^[0-9a-f]{64}$", e.GetProperty("plan_hash").GetString());
            }
        }
        return value;
    }

    private void Step(string[] expected, params string[] args) => Step(expected, () => _robson.Run(args));

    private void ReadOnly(params string[] args) => Step([], () => _robson.Expect(0, args));

    private void Refused(params string[] args) => Step([], () => _robson.Expect(2, args));

    [Fact]
    public void EveryCommandNamingATenant_LeavesExactlyTheEventsItShould()
    {
        var strategy = Step(["1 STRATEGY_CREATED OK"], () => _robson.CreateLiveStrategy(maxPosition: "100"));
        Step(["1 STRATEGY_CHANGED OK"], "strategy", "set", strategy, "--client-id", "1", "--max-orders-per-day", "20");
        ReadOnly("strategy", "show", strategy, "--client-id", "1");
        ReadOnly("strategy", "list", "--client-id", "1");

        var plan = Step(["1 PLAN_CREATED CREATED"], () => _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy));
        ReadOnly("plans", "list", "--client-id", "1");
        ReadOnly("plans", "show", plan, "--client-id", "1");
        Step(["1 PLAN_EXECUTED SUCCESS"], "execute", plan, "--client-id", "1");
        Step(["1 PLAN_EXECUTED BLOCKED"], "execute", plan, "--client-id", "1", "--live");
        Step(["1 PLAN_VALIDATED WARNING"], "validate", plan, "--client-id", "1"); // max position 100 % > 50 %: a warning
        Step(["1 ORDER_SENT SENT", "1 ORDER_FILLED FILLED", "1 ORDER_SENT SENT", "1 ORDER_ACKNOWLEDGED ACKED", "1 PLAN_EXECUTED SUCCESS"], "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        Step(["1 PLAN_EXECUTED BLOCKED"], "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");

        var unguarded = Step(["1 PLAN_CREATED CREATED"], () => _robson.Plan("1", "buy", "ETHUSDT", "0.01"));
        Step(["1 PLAN_VALIDATED FAIL"], "validate", unguarded, "--client-id", "1");

        // Two buys validated against the same funds: the second is blocked when the balances are read again at LIVE.
        var first = Step(["1 PLAN_CREATED CREATED", "1 PLAN_VALIDATED WARNING"], () => _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "2"));
        var second = Step(["1 PLAN_CREATED CREATED", "1 PLAN_VALIDATED WARNING"], () => _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "2"));
        Step(["1 ORDER_SENT SENT", "1 ORDER_FILLED FILLED", "1 ORDER_SENT SENT", "1 ORDER_ACKNOWLEDGED ACKED", "1 PLAN_EXECUTED SUCCESS"], "execute", first, "--client-id", "1", "--live", "--acknowledge-risk");
        Step(["1 PLAN_EXECUTED BLOCKED"], "execute", second, "--client-id", "1", "--live", "--acknowledge-risk");

        Step(["1 PAPER_DEPOSIT OK"], "paper", "deposit", "USDT", "100", "--client-id", "1");
        ReadOnly("paper", "balance", "--client-id", "1");
        Step(["- PAPER_PRICE_SET OK"], "paper", "set-price", "ETHUSDT", "3000.5");

        Step(["1 TRADING_HALTED HALTED"], "halt", "--client-id", "1", "--reason", "desk review");
        Step(["1 TRADING_REDUCE_ONLY REDUCING"], "reduce-only", "--client-id", "1");
        Step(["1 TRADING_RESUMED ACTIVE"], "resume", "--client-id", "1", "--acknowledge-risk");

        var execution = _robson.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions")[0].GetProperty("execution_id").GetString()!;
        ReadOnly("report", "--client-id", "1");
        ReadOnly("report", "--client-id", "1", "--from", "2026-11-01", "--json");
        ReadOnly("status", "--client-id", "1");
        ReadOnly("status", "--client-id", "1", "--json");
        ReadOnly("positions", "--client-id", "1", "--json");
        ReadOnly("executions", "list", "--client-id", "1");
        ReadOnly("executions", "show", execution, "--client-id", "1");
        ReadOnly("audit", "list", "--client-id", "1");
        ReadOnly("audit", "show", AllEvents()[0].GetProperty("event_id").GetString()!, "--client-id", "1");
        ReadOnly("audit", "verify", "--client-id", "1");
        ReadOnly("audit", "export", "--client-id", "1", "--format", "csv");

        // Refused input names a tenant but writes nothing, not even an audit event (the database stays byte-for-byte the same).
        Refused("execute", "nosuchplan", "--client-id", "1");
        Refused("validate", "nosuchplan", "--client-id", "1");
        Refused("plan", "buy", "ETHUSDT", "abc", "--client-id", "1");
        Refused("strategy", "set", strategy, "--client-id", "1", "--max-loss-per-day", "-3");
        Refused("executions", "show", "nosuchexec", "--client-id", "1");

        _robson.Expect(0, "audit", "verify", "--all-tenants");
    }

    [Fact]
    public void ExecutionEvents_RecordEveryGuardResult_AndTheMode()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);
        _robson.Expect(1, "execute", plan, "--client-id", "1", "--live");

        var blocked = AllEvents()[^1];
        var details = blocked.GetProperty("details");
        var guards = details.GetProperty("guards").GetString()!.Split(',');

        Assert.Equal("LIVE", details.GetProperty("mode").GetString());
        Assert.Contains("-ValidationRequired", guards);
        Assert.Contains("-Acknowledgement", guards);
        Assert.Contains("+TenantContext", guards);
        var recorded = _robson.Expect(0, "executions", "show", details.GetProperty("execution_id").GetString()!, "--client-id", "1", "--json").Json;
        Assert.Equal(recorded.GetProperty("guards").GetArrayLength(), guards.Length);
    }
}
