using System.Text.Json;
using Robson.Cli.Tests.Support.Tampering;
using Robson.Core.Audit;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Tampering with a store behind Robson's back, through the CLI: each change makes `audit verify` exit 1 and name what
/// is wrong. Written once for every engine: a subclass gives the harness (pointed at its store) and the tamperer.
/// </summary>
public abstract class AuditTamperContract : IDisposable
{
    protected Support.Robson Robson { get; }

    protected abstract StoreTamperer Store { get; }

    /// <summary>The validated plan whose PLAN_VALIDATED is client 1's newest event.</summary>
    protected string NewestPlan { get; }

    protected AuditTamperContract(Support.Robson robson)
    {
        Robson = robson;
        // Client 1: a strategy; a plan validated and executed LIVE (orders, fills); a plan dry-run; a plan validated last.
        // Client 2: a plan. Client 1's chain: 1 STRATEGY_CREATED, 2-3 plan, 4-8 LIVE execution, 9-10 dry run, 11-12 newest plan.
        var strategy = robson.CreateLiveStrategy();
        var live = robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        robson.Expect(0, "execute", live, "--client-id", "1", "--live", "--acknowledge-risk");
        var dry = robson.Plan("1", "buy", "ETHUSDT", "0.02", "--strategy-id", strategy);
        robson.Expect(0, "execute", dry, "--client-id", "1");
        robson.Plan("2", "sell", "ETHUSDT", "0.01");
        NewestPlan = robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.03");
    }

    public void Dispose()
    {
        Robson.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs `audit verify --client-id 1 --json`, which must exit 1, and returns every problem it names: first breaks and findings.</summary>
    protected List<(string Code, string Reason, long? Position)> Problems(params string[] scope)
    {
        var run = Robson.Expect(1, ["audit", "verify", "--json", .. scope.Length == 0 ? ["--client-id", "1"] : scope]);
        var json = run.Json;
        Assert.Equal("BROKEN", json.GetProperty("status").GetString());
        var problems = new List<(string, string, long?)>();
        foreach (var chain in json.GetProperty("chains").EnumerateArray())
        {
            if (chain.GetProperty("first_break") is { ValueKind: JsonValueKind.Object } b) problems.Add(Problem(b));
            problems.AddRange(chain.GetProperty("findings").EnumerateArray().Select(Problem));
        }
        problems.AddRange(json.GetProperty("findings").EnumerateArray().Select(Problem));
        return problems.Distinct().ToList(); // a chain's first_break repeats its first finding when every link holds
    }

    private static (string, string, long?) Problem(JsonElement e) => (e.GetProperty("code").GetString()!, e.GetProperty("reason").GetString()!,
        e.GetProperty("position").ValueKind == JsonValueKind.Number ? e.GetProperty("position").GetInt64() : null);

    [Fact]
    public void Verify_Untouched_IsIntact()
    {
        Robson.Expect(0, "audit", "verify", "--client-id", "1");
        Robson.Expect(0, "audit", "verify", "--all-tenants");
    }

    [Fact]
    public void Verify_EventEdited_ExitsOne_NamingItsPosition()
    {
        TamperScenarios.EditEvent(Store, 1, 5);

        Assert.Contains((AuditBreak.HashMismatch, 5L), Problems().Select(p => (p.Code, p.Position ?? 0)));
    }

    [Fact]
    public void Verify_EventDeletedInTheMiddle_ExitsOne_NamingTheMissingPosition()
    {
        TamperScenarios.DeleteEvent(Store, 1, 3);

        var problems = Problems();

        Assert.Contains((AuditBreak.PositionGap, 3L), problems.Select(p => (p.Code, p.Position ?? 0)));
        Assert.Contains(problems, p => p.Code == AuditFinding.EventMissing && p.Reason.Contains("has no PLAN_VALIDATED event"));
    }

    [Fact]
    public void Verify_NewestEventDeleted_ExitsOne_NamingTheRecordWithoutItsEvent()
    {
        var position = TamperScenarios.DeleteNewestEvent(Store, 1);
        var validation = Store.Scalar<string>($"SELECT id FROM validations WHERE plan_id = '{NewestPlan}'");

        var problems = Problems();

        Assert.Contains(problems, p => p.Code == AuditFinding.EventMissing && p.Reason.StartsWith($"validation {validation} has no PLAN_VALIDATED event"));
        Assert.Contains(problems, p => p.Code == AuditFinding.ChainTruncated && p.Position == position);
    }

    [Fact]
    public void Verify_NewestPlanDeletedWithItsEvents_ExitsOne_TheChainIsShorterThanItsWitness()
    {
        var position = Store.Scalar<long>("SELECT MAX(position) FROM audit_events WHERE client_id = 1");
        TamperScenarios.DeleteNewestPlanWithItsEvents(Store, 1);

        var problem = Assert.Single(Problems());

        Assert.Equal((AuditFinding.ChainTruncated, position), (problem.Code, problem.Position));
        Assert.Contains($"the witness saw position {position}", problem.Reason);
        Assert.Contains($"the chain ends at position {position - 2}", problem.Reason);
    }

    [Fact]
    public void Verify_TwoEventsReordered_ExitsOne_NamingTheFirstOfThem()
    {
        TamperScenarios.SwapEvents(Store, 1, 9, 10);

        var problems = Problems();

        Assert.Equal(9, problems[0].Position);
        Assert.Contains(problems, p => p.Code == AuditFinding.WitnessMismatch && p.Position == 9);
    }

    [Fact]
    public void Verify_NewestPlanRowDeleted_ExitsOne_NamingThePlanItsEventsName()
    {
        TamperScenarios.DeleteRow(Store, "plans", $"id = '{NewestPlan}'");

        var problem = Assert.Single(Problems());

        Assert.Equal(AuditFinding.RecordMissing, problem.Code);
        Assert.Contains($"names plan {NewestPlan}, which is not stored", problem.Reason);
    }

    [Fact]
    public void Verify_OrderRowDeleted_ExitsOne_NamingTheOrder()
    {
        var order = Store.Scalar<string>("SELECT client_order_id FROM orders WHERE client_id = 1 ORDER BY client_order_id LIMIT 1");
        TamperScenarios.DeleteRow(Store, "orders", $"client_order_id = '{order}'");

        Assert.Contains(Problems(), p => p.Code == AuditFinding.RecordMissing && p.Reason.Contains($"names order {order}, which is not stored"));
    }

    [Fact]
    public void Verify_ExpectedHead_StillInTheChain_IsIntact_AfterTheChainWasCut_IsBroken()
    {
        var head = Robson.Expect(0, "audit", "verify", "--client-id", "1", "--json").Json.GetProperty("chains")[0].GetProperty("head_hash").GetString()!;
        Robson.Plan("1", "sell", "ETHUSDT", "0.01");
        Robson.Expect(0, "audit", "verify", "--client-id", "1", "--expect-head", $"1:{head}");

        TamperScenarios.DeleteNewestPlanWithItsEvents(Store, 1);
        TamperScenarios.DeleteNewestPlanWithItsEvents(Store, 1);

        Assert.Contains(Problems("--client-id", "1", "--expect-head", $"1:{head}"),
            p => p.Code == AuditFinding.ExpectedHeadMissing && p.Reason.Contains(head));
    }

    [Fact]
    public void Verify_TamperingWithOneTenant_LeavesTheOtherIntact()
    {
        TamperScenarios.DeleteNewestEvent(Store, 1);

        Robson.Expect(0, "audit", "verify", "--client-id", "2");
        Problems("--all-tenants");
    }
}
