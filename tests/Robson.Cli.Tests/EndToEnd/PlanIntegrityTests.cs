using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// A stored plan is checked, not trusted: validate and execute recompute its hash from the stored content and
/// refuse a mismatch with PLAN_TAMPERED (audited). Plans are append-only in the database, so the tests drop that
/// trigger first, as an attacker with the file could.
/// </summary>
public sealed class PlanIntegrityTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    /// <summary>Changes the plan's quantity from 0.001 to 0.01 behind Robson's back, keeping its stored hash.</summary>
    private void Tamper(string planId)
    {
        AuditTampering.Sql(_robson.DatabasePath,
            "DROP TRIGGER IF EXISTS plans_no_update",
            $"UPDATE plans SET legs_json = replace(legs_json, '\"quantity\":\"0.001\"', '\"quantity\":\"0.01\"') WHERE id = '{planId}'");
        Assert.Contains("\"0.01\"", AuditTampering.Scalar<string>(_robson.DatabasePath, $"SELECT legs_json FROM plans WHERE id = '{planId}'"));
    }

    private List<JsonElement> TamperedEvents(string planId) =>
        _robson.Expect(0, "audit", "list", "--client-id", "1", "--plan", planId, "--json").Json.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "PLAN_TAMPERED").ToList();

    [Fact]
    public void Validate_OfATamperedPlan_FailsWithPlanTampered_AndIsAudited()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", _robson.CreateLiveStrategy());
        Tamper(planId);

        var run = _robson.Expect(1, "validate", planId, "--client-id", "1", "--json");

        Assert.Equal("FAIL", run.Json.GetProperty("status").GetString());
        Assert.Equal(["PLAN_TAMPERED"], run.Json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Single(TamperedEvents(planId));
        Assert.Contains("PLAN_TAMPERED", _robson.Expect(1, "validate", planId, "--client-id", "1").Stdout);
    }

    [Fact]
    public void ExecuteLive_OfATamperedValidatedPlan_IsBlockedWithPlanTampered_NothingSent_AndIsAudited()
    {
        var planId = _robson.ValidatedPlan("1", _robson.CreateLiveStrategy(), "buy", "BTCUSDT", "0.001");
        var balances = _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Stdout;
        Tamper(planId);

        var run = _robson.Expect(1, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

        Assert.Equal("BLOCKED", run.Json.GetProperty("status").GetString());
        Assert.Contains("PLAN_TAMPERED", run.Json.GetProperty("error").GetString());
        Assert.Contains(run.Json.GetProperty("guards").EnumerateArray(),
            g => !g.GetProperty("passed").GetBoolean() && g.GetProperty("code").GetString() == "PLAN_TAMPERED");
        Assert.Equal(0, run.Json.GetProperty("actions").GetArrayLength());
        Assert.Equal(balances, _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Stdout);
        Assert.Equal(0, _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
        Assert.Single(TamperedEvents(planId));
    }

    [Fact]
    public void ExecuteDryRun_OfATamperedPlan_IsBlockedWithPlanTampered()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001");
        Tamper(planId);

        var run = _robson.Expect(1, "execute", planId, "--client-id", "1");

        Assert.Contains("STATUS: ✗ BLOCKED", run.Stdout);
        Assert.Contains("PLAN_TAMPERED", run.Stdout);
        Assert.Single(TamperedEvents(planId));
    }

    [Fact]
    public void UntouchedPlans_OfEveryKind_PassTheIntegrityCheck()
    {
        var strategy = _robson.CreateLiveStrategy();
        var buy = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001", "--limit", "59990.5");
        _robson.Expect(0, "execute", buy, "--client-id", "1", "--live", "--acknowledge-risk");
        var rebalance = _robson.Plan("1", "rebalance", "--target", "BTC:10,USDT:90", "--strategy-id", strategy);

        foreach (var plan in new[] { buy, rebalance })
            Assert.DoesNotContain("PLAN_TAMPERED", _robson.Run("execute", plan, "--client-id", "1").Stdout);
        Assert.Empty(TamperedEvents(buy));
    }
}
