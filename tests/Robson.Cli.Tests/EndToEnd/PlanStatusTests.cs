using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// <c>plans list|show</c> say where each plan stands: its latest validation (and whether it still authorises LIVE),
/// its executions, and only the steps still possible.
/// </summary>
public sealed class PlanStatusTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun Live(string planId, string client = "1") =>
        _robson.Expect(0, "execute", planId, "--client-id", client, "--live", "--acknowledge-risk");

    private JsonElement Show(string planId) => _robson.Expect(0, "plans", "show", planId, "--client-id", "1", "--json").Json;

    private static string[] Possible(JsonElement plan) =>
        [.. plan.GetProperty("status").GetProperty("possible").EnumerateArray().Select(p => p.GetProperty("action").GetString()!)];

    // Found on main: a plan already run LIVE was described as never sent, and LIVE was suggested again.
    [Fact]
    public void Show_PlanExecutedLive_SaysItWasSent_AndOffersNothingMore()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        Live(plan);

        var human = _robson.Expect(0, "plans", "show", plan, "--client-id", "1").Stdout;

        Assert.DoesNotContain("Nothing was sent anywhere", human);
        Assert.DoesNotContain("--live", human.Replace("plan copy", ""));
        Assert.Contains("stage: EXECUTED_LIVE", human);
        Assert.Contains("LIVE orders of this plan were sent to the venue.", human);
        Assert.Contains("Nothing more to do with this plan.", human);
        Assert.Contains($"robson plan copy {plan} --client-id 1", human);
        var json = Show(plan);
        Assert.Empty(json.GetProperty("next_steps").EnumerateArray());
        Assert.Equal("EXECUTED_LIVE", json.GetProperty("status").GetProperty("stage").GetString());
        Assert.True(json.GetProperty("status").GetProperty("sent_live").GetBoolean());
        Assert.Equal(["LIVE SUCCESS"], json.GetProperty("status").GetProperty("executions").EnumerateArray()
            .Select(e => $"{e.GetProperty("mode").GetString()} {e.GetProperty("status").GetString()}"));
    }

    [Fact]
    public void Show_FollowsThePlanThroughItsStages()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--validation-ttl-minutes", "5"]);
        var plan = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);

        Assert.Equal("NEW", Stage(Show(plan)));
        Assert.Equal(["validate", "execute (DRY-RUN)"], Possible(Show(plan)));

        _robson.Expect(0, "execute", plan, "--client-id", "1");
        _robson.Expect(0, "validate", plan, "--client-id", "1");
        var ready = Show(plan);
        Assert.Equal("READY_FOR_LIVE", Stage(ready));
        Assert.Equal(["execute (DRY-RUN)", "execute --live --acknowledge-risk"], Possible(ready));
        Assert.Equal($"robson execute {plan} --client-id 1 --live --acknowledge-risk", ready.GetProperty("next_steps")[1].GetString());
        var validation = ready.GetProperty("status").GetProperty("validation");
        Assert.Equal(("PASS", true, true, true), (validation.GetProperty("status").GetString(), validation.GetProperty("authorises_live").GetBoolean(),
            validation.GetProperty("same_hash").GetBoolean(), validation.GetProperty("within_ttl").GetBoolean()));
        Assert.Equal(_robson.Clock.Now.AddMinutes(5), DateTimeOffset.Parse(validation.GetProperty("expires_at").GetString()!));
        Assert.Equal(["DRY_RUN SUCCESS"], ready.GetProperty("status").GetProperty("executions").EnumerateArray()
            .Select(e => $"{e.GetProperty("mode").GetString()} {e.GetProperty("status").GetString()}"));

        _robson.Clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromTicks(1)));
        var lapsed = Show(plan);
        Assert.Equal("VALIDATION_LAPSED", Stage(lapsed));
        Assert.DoesNotContain("execute --live --acknowledge-risk", Possible(lapsed));
        Assert.Contains("expired", lapsed.GetProperty("status").GetProperty("validation").GetProperty("lapse").GetString());
        // What the status says agrees with what LIVE does.
        _robson.Expect(1, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
    }

    [Fact]
    public void Show_StrategyChangedAfterValidation_DoesNotOfferLive()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Expect(0, "strategy", "set", strategy, "--client-id", "1", "--max-orders-per-day", "20");

        var json = Show(plan);

        Assert.Equal("VALIDATION_LAPSED", Stage(json));
        Assert.False(json.GetProperty("status").GetProperty("validation").GetProperty("same_strategy_version").GetBoolean());
        Assert.Equal(["validate", "execute (DRY-RUN)"], Possible(json));
    }

    [Fact]
    public void Show_FailedValidation_AndAPlanWithoutStrategy()
    {
        var unguarded = _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        Assert.Equal("DRY_RUN_ONLY", Stage(Show(unguarded)));
        Assert.Equal(["execute (DRY-RUN)"], Possible(Show(unguarded)));

        var strategy = _robson.CreateLiveStrategy();
        var tooBig = _robson.Plan("1", "buy", "ETHUSDT", "1000", "--strategy-id", strategy);
        _robson.Expect(1, "validate", tooBig, "--client-id", "1");
        Assert.Equal("VALIDATION_FAILED", Stage(Show(tooBig)));
        Assert.Contains("validation: FAIL", _robson.Expect(0, "plans", "show", tooBig, "--client-id", "1").Stdout);
    }

    [Fact]
    public void List_GivesEveryPlanItsStatus_InOneJsonDocument_AndATable()
    {
        var strategy = _robson.CreateLiveStrategy();
        var fresh = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);
        var ready = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.02");
        var done = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.03");
        Live(done);

        var plans = _robson.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").EnumerateArray()
            .ToDictionary(p => p.GetProperty("plan_id").GetString()!, Stage);

        Assert.Equal(new Dictionary<string, string> { [fresh] = "NEW", [ready] = "READY_FOR_LIVE", [done] = "EXECUTED_LIVE" }, plans);
        var table = _robson.Expect(0, "plans", "list", "--client-id", "1").Stdout.Split('\n');
        Assert.Contains("STAGE", table[0]);
        Assert.Matches($"^{done} .* EXECUTED_LIVE +PASS +LIVE SUCCESS +BUY 0.03 ETHUSDT", table.Single(l => l.StartsWith(done)));
        Assert.Matches($"^{fresh} .* NEW +- +- +BUY 0.01 ETHUSDT", table.Single(l => l.StartsWith(fresh)));
    }

    [Fact]
    public void Show_AnotherTenantsPlan_IsNotFound()
    {
        var plan = _robson.Plan("1", "buy", "ETHUSDT", "0.01");

        var run = _robson.Expect(2, "plans", "show", plan, "--client-id", "2");

        Assert.Contains("not found", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    private static string Stage(JsonElement plan) => plan.GetProperty("status").GetProperty("stage").GetString()!;
}
