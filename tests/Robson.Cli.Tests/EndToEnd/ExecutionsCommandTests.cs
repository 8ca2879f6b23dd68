using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>`executions list|show`: every attempt with guards, actions, orders, fills and fees, the mode on every row.</summary>
public sealed class ExecutionsCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _plan;
    private readonly string _dryRun;
    private readonly string _blocked;
    private readonly string _live;

    public ExecutionsCommandTests()
    {
        var strategy = _robson.CreateLiveStrategy();
        _plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _dryRun = Id(_robson.Expect(0, "execute", _plan, "--client-id", "1", "--json"));
        _blocked = Id(_robson.Expect(1, "execute", _plan, "--client-id", "1", "--live", "--json"));
        _live = Id(_robson.Expect(0, "execute", _plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json"));
    }

    public void Dispose() => _robson.Dispose();

    private static string Id(CliRun run) => run.Json.GetProperty("execution_id").GetString()!;

    private JsonElement Show(string id) => _robson.Expect(0, "executions", "show", id, "--client-id", "1", "--json").Json;

    [Fact]
    public void List_ShowsEveryAttempt_NewestFirst_WithModeAndFigures()
    {
        var rows = _robson.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions").EnumerateArray().ToList();

        Assert.Equal([_live, _blocked, _dryRun], rows.Select(r => r.GetProperty("execution_id").GetString()));
        Assert.Equal(["LIVE", "LIVE", "DRY_RUN"], rows.Select(r => r.GetProperty("mode").GetString()));
        Assert.Equal(["SUCCESS", "BLOCKED", "SUCCESS"], rows.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["Acknowledgement"], rows[1].GetProperty("failed_guards").EnumerateArray().Select(g => g.GetString()));
        // The buy and the protective stop it left on the venue; one fill.
        Assert.Equal((2, 1), (rows[0].GetProperty("orders").GetInt32(), rows[0].GetProperty("fills").GetInt32()));
        Assert.True(rows[0].GetProperty("fees").GetDecimal() > 0);
        Assert.False(rows[0].GetProperty("simulated").GetBoolean());
        Assert.True(rows[2].GetProperty("simulated").GetBoolean());
        Assert.StartsWith("BUY 0.01 ETHUSDT", rows[0].GetProperty("order").GetString());
    }

    [Fact]
    public void List_Human_IsATableWithTheModeOnEveryRow()
    {
        var lines = _robson.Expect(0, "executions", "list", "--client-id", "1").Stdout.Split('\n');

        Assert.Contains("MODE", lines[0]);
        Assert.Contains(lines, l => l.Contains(_live) && l.Contains("LIVE") && l.Contains("SUCCESS"));
        Assert.Contains(lines, l => l.Contains(_blocked) && l.Contains("LIVE") && l.Contains("BLOCKED"));
        Assert.Contains(lines, l => l.Contains(_dryRun) && l.Contains("DRY_RUN") && l.Contains('~'));
    }

    [Fact]
    public void Show_Live_HasGuardsActionsOrdersFillsAndFees_EachStampedLive()
    {
        var json = Show(_live);

        Assert.Equal(("LIVE", "SUCCESS", _plan), (json.GetProperty("mode").GetString(), json.GetProperty("status").GetString(), json.GetProperty("plan_id").GetString()));
        foreach (var list in new[] { "guards", "actions", "orders", "fills" })
        {
            Assert.NotEmpty(json.GetProperty(list).EnumerateArray());
            Assert.All(json.GetProperty(list).EnumerateArray(), row => Assert.Equal("LIVE", row.GetProperty("mode").GetString()));
        }
        var order = json.GetProperty("orders")[0];
        Assert.Equal(("FILLED", 0.01m), (order.GetProperty("status").GetString(), order.GetProperty("executed_quantity").GetDecimal()));
        var fill = json.GetProperty("fills")[0];
        Assert.Equal(fill.GetProperty("price").GetDecimal() * fill.GetProperty("quantity").GetDecimal(), fill.GetProperty("notional").GetDecimal());
        Assert.Equal(fill.GetProperty("fee_in_quote").GetDecimal(), json.GetProperty("summary").GetProperty("fees").GetDecimal());
        Assert.False(json.GetProperty("summary").GetProperty("simulated").GetBoolean());

        var human = _robson.Expect(0, "executions", "show", _live, "--client-id", "1").Stdout;
        Assert.Contains($"EXECUTION {_live}: LIVE, SUCCESS", human);
        foreach (var section in new[] { "SAFETY CHECKS", "ACTIONS:", "ORDERS:", "FILLS:", "TOTALS: LIVE" })
            Assert.Contains(section, human);
    }

    [Fact]
    public void Show_DryRun_SaysNothingWasPlaced_AndShowsEstimates()
    {
        var json = Show(_dryRun);

        Assert.Empty(json.GetProperty("orders").EnumerateArray());
        Assert.Empty(json.GetProperty("fills").EnumerateArray());
        Assert.All(json.GetProperty("actions").EnumerateArray(), a => Assert.Equal(("DRY_RUN", "SIMULATED_ORDER"), (a.GetProperty("mode").GetString(), a.GetProperty("type").GetString())));
        Assert.True(json.GetProperty("summary").GetProperty("simulated").GetBoolean());
        Assert.True(json.GetProperty("summary").GetProperty("notional").GetDecimal() > 0);

        Assert.Contains("DRY-RUN: no order was placed", _robson.Expect(0, "executions", "show", _dryRun, "--client-id", "1").Stdout);
    }

    [Fact]
    public void Show_Blocked_ListsTheFailedGuard()
    {
        var json = Show(_blocked);

        Assert.Equal("BLOCKED", json.GetProperty("status").GetString());
        Assert.Contains(json.GetProperty("guards").EnumerateArray(), g => g.GetProperty("name").GetString() == "Acknowledgement" && !g.GetProperty("passed").GetBoolean());
        Assert.Contains("✗  Acknowledgement", _robson.Expect(0, "executions", "show", _blocked, "--client-id", "1").Stdout);
    }

    [Fact]
    public void ListByPlan_AndLimit()
    {
        var other = _robson.Plan("1", "buy", "ETHUSDT", "0.02");
        _robson.Expect(0, "execute", other, "--client-id", "1");

        Assert.Equal(3, _robson.Expect(0, "executions", "list", "--client-id", "1", "--plan", _plan, "--json").Json.GetProperty("count").GetInt32());
        Assert.Equal(1, _robson.Expect(0, "executions", "list", "--client-id", "1", "--limit", "1", "--json").Json.GetProperty("count").GetInt32());
    }

    [Fact]
    public void AnotherTenantsExecution_LooksExactlyLikeAnUnknownOne()
    {
        var foreign = _robson.Expect(2, "executions", "show", _live, "--client-id", "2");
        var unknown = _robson.Expect(2, "executions", "show", "0000deadbeef", "--client-id", "2");

        Assert.Equal(unknown.Stderr.Replace("0000deadbeef", "ID"), foreign.Stderr.Replace(_live, "ID"));
        Assert.Contains("No executions for client 2.", _robson.Expect(0, "executions", "list", "--client-id", "2").Stdout);
    }

    [Theory]
    [InlineData("executions", "list")]
    [InlineData("executions", "list", "--client-id", "0")]
    [InlineData("executions", "list", "--client-id", "1", "--limit", "x")]
    [InlineData("executions", "show", "bad id!", "--client-id", "1")]
    [InlineData("executions", "show", "abc")]
    public void BadInput_ExitsTwo(params string[] args)
    {
        var run = _robson.Expect(2, args);

        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", run.Stdout);
    }
}
