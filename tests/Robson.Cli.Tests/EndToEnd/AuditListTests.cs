using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>`audit list` filters (tenant, time, plan) and `audit show` of one event.</summary>
public sealed class AuditListTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private List<System.Text.Json.JsonElement> Events(params string[] args) =>
        _robson.Expect(0, ["audit", "list", "--json", .. args]).Json.GetProperty("events").EnumerateArray().ToList();

    [Fact]
    public void List_AllTenants_ShowsEveryChain_NewestFirst_WithTheViewItself()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        _robson.Plan("2", "buy", "ETHUSDT", "0.01");
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3001");

        var events = Events("--all-tenants");

        Assert.Equal(["AUDIT_ALL_TENANTS_READ", "PAPER_PRICE_SET", "PLAN_CREATED", "PLAN_CREATED"], events.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, events[1].GetProperty("client_id").ValueKind);
        Assert.Single(Events("--client-id", "2"));
    }

    [Fact]
    public void List_Since_KeepsEventsAtOrAfterThatTime()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        _robson.Clock.Advance(TimeSpan.FromDays(1));
        _robson.Plan("1", "buy", "ETHUSDT", "0.02");
        _robson.Clock.Advance(TimeSpan.FromHours(1));
        _robson.Plan("1", "buy", "ETHUSDT", "0.03");

        Assert.Equal(2, Events("--client-id", "1", "--since", "2026-11-26").Count);
        Assert.Equal(2, Events("--client-id", "1", "--since", "2026-11-26T12:00:00Z").Count);
        Assert.Single(Events("--client-id", "1", "--since", "2026-11-26T12:00:00.0000001Z"));
        Assert.Single(Events("--client-id", "1", "--since", "2026-11-26T14:00:00+01:00"));
        Assert.Equal(3, Events("--client-id", "1", "--since", "2026-11-25").Count);
    }

    [Fact]
    public void List_Plan_KeepsThatPlansEvents()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Plan("1", "buy", "ETHUSDT", "0.02");
        _robson.Expect(0, "execute", plan, "--client-id", "1");

        var events = Events("--all-tenants", "--plan", plan);

        Assert.Equal(["PLAN_EXECUTED", "PLAN_VALIDATED", "PLAN_CREATED"], events.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(events, e => Assert.Equal(plan, e.GetProperty("plan_id").GetString()));
    }

    [Fact]
    public void List_Limit_SaysWhenOlderEventsAreNotShown()
    {
        for (var i = 1; i <= 3; i++) _robson.Plan("1", "buy", "ETHUSDT", $"0.0{i}");

        var json = _robson.Expect(0, "audit", "list", "--client-id", "1", "--limit", "2", "--json").Json;
        Assert.Equal(2, json.GetProperty("count").GetInt32());
        Assert.True(json.GetProperty("truncated").GetBoolean());
        Assert.Contains("older events for client 1 not shown", _robson.Expect(0, "audit", "list", "--client-id", "1", "--limit", "2").Stdout);
        Assert.False(_robson.Expect(0, "audit", "list", "--client-id", "1", "--limit", "3", "--json").Json.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--since", "2026-13-01")]
    [InlineData("--plan", "no such plan")]
    [InlineData("--client-id", "abc")]
    [InlineData("--limit", "0")]
    public void List_BadFilter_ExitsTwo(string option, string value)
    {
        var run = _robson.Expect(2, ["audit", "list", option, value, .. option == "--client-id" ? Array.Empty<string>() : ["--client-id", "1"]]);

        Assert.StartsWith("robson: ", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Show_PrintsEveryField_AndWhetherItsContentMatchesItsHash()
    {
        var plan = _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        var id = Events("--client-id", "1")[0].GetProperty("event_id").GetString()!;

        var json = _robson.Expect(0, "audit", "show", id, "--client-id", "1", "--json").Json;
        Assert.True(json.GetProperty("hash_matches").GetBoolean());
        Assert.Equal(plan, json.GetProperty("event").GetProperty("plan_id").GetString());
        Assert.Equal(Events("--client-id", "1")[0].GetProperty("hash").GetString(), json.GetProperty("event").GetProperty("hash").GetString());

        var human = _robson.Expect(0, "audit", "show", id, "--client-id", "1").Stdout;
        Assert.Contains($"AUDIT EVENT {id}", human);
        Assert.Contains("chain:          client 1, position 1", human);
        Assert.Contains($"command:        robson plan buy ETHUSDT 0.01 --client-id 1 --json", human);
        Assert.Contains("✓ matches its hash", human);
    }

    [Fact]
    public void Show_EditedEvent_SaysItsContentNoLongerMatches()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        var id = Events("--client-id", "1")[0].GetProperty("event_id").GetString()!;
        AuditTampering.Sql(_robson.DatabasePath, AuditTampering.DropTriggers, "UPDATE audit_events SET result = 'X'");

        Assert.Contains("✗ does NOT match its hash", _robson.Expect(0, "audit", "show", id, "--client-id", "1").Stdout);
    }

    [Fact]
    public void Show_UnknownEvent_OrAnotherTenantsWithClientId_IsNotFound()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        var id = Events("--client-id", "1")[0].GetProperty("event_id").GetString()!;

        var unknown = _robson.Expect(2, "audit", "show", "evt-99999999", "--client-id", "2");
        var foreign = _robson.Expect(2, "audit", "show", id, "--client-id", "2");

        Assert.Equal(unknown.Stderr.Replace("evt-99999999", "ID"), foreign.Stderr.Replace(id, "ID"));
        _robson.Expect(0, "audit", "show", id, "--client-id", "1");
        _robson.Expect(2, "audit", "show", "'; DROP TABLE x", "--all-tenants");
    }
}
