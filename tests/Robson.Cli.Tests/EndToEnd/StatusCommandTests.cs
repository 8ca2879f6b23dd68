using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// `status` and `positions`: where a tenant stands now (kill switch, today's limits and their reset, positions at the
/// mid, open orders, plans waiting for LIVE), read-only, one JSON document with --json. The clock starts at
/// 2026-11-25 12:00 UTC; the paper venue's ETHUSDT mid is 3,000.
/// </summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private JsonElement Status(params string[] args) => _robson.Expect(0, ["status", "--client-id", "1", "--json", .. args]).Json;

    private static JsonElement Venue(JsonElement status, string name) =>
        status.GetProperty("venues").EnumerateArray().Single(v => v.GetProperty("venue").GetString() == name);

    private static JsonElement Limit(JsonElement venue, string name) =>
        venue.GetProperty("strategies")[0].GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("limit").GetString() == name);

    /// <summary>A LIVE market buy of 1 ETH on paper at 3,000 (fills at 3,000.15, fee 3.00015), protected by a resting stop.</summary>
    private string LiveBuy(string strategy)
    {
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "1");
        _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        return plan;
    }

    [Fact]
    public void EmptyStore_ShowsAnActiveTenantOnPaper_AndCreatesNoHome()
    {
        var human = _robson.Expect(0, "status", "--client-id", "7");
        var json = _robson.Expect(0, "status", "--client-id", "7", "--json").Json;

        Assert.False(Directory.Exists(_robson.Home), "status is read-only: it must not create ROBSON_HOME");
        Assert.Contains("STATUS: client 7, 2026-11-25 12:00:00 UTC", human.Stdout);
        Assert.Contains("TRADING: ACTIVE", human.Stdout);
        Assert.Contains("reset in 12h 00m, at 2026-11-26 00:00:00 UTC", human.Stdout);
        Assert.Contains("POSITIONS: none", human.Stdout);
        Assert.Equal(7, json.GetProperty("client_id").GetInt64());
        Assert.Equal("ACTIVE", json.GetProperty("trading_state").GetProperty("state").GetString());
        Assert.Equal(43200, json.GetProperty("seconds_until_reset").GetInt64());
        var paper = Assert.Single(json.GetProperty("venues").EnumerateArray());
        Assert.Equal(("paper", false, "paper"), (paper.GetProperty("venue").GetString(), paper.GetProperty("real").GetBoolean(), paper.GetProperty("limits_scope").GetString()));
        Assert.Empty(paper.GetProperty("positions").EnumerateArray());
    }

    [Fact]
    public void AfterALiveFill_ShowsThePositionAtTheMid_ItsProtection_AndTodaysLimits()
    {
        LiveBuy(_robson.CreateLiveStrategy(maxOrders: "10", maxNotional: "100000", maxLoss: "1000"));
        _robson.Clock.Advance(TimeSpan.FromMinutes(30));

        var paper = Venue(Status(), "paper");

        var position = Assert.Single(paper.GetProperty("positions").EnumerateArray());
        Assert.Equal(("ETHUSDT", 1m), (position.GetProperty("symbol").GetString(), position.GetProperty("quantity").GetDecimal()));
        // Cost basis 3,000.15 + fee 3.00015; valued at the mid 3,000: 3,000 − 3,003.15015.
        Assert.Equal((3003.15015m, 3000m, -3.15015m), (position.GetProperty("average_cost").GetDecimal(), position.GetProperty("mid").GetDecimal(),
            position.GetProperty("unrealised_pnl").GetDecimal()));
        var stop = Assert.Single(position.GetProperty("protections").EnumerateArray());
        Assert.Equal(("PROTECTIVE_STOP", "ACKED"), (stop.GetProperty("role").GetString(), stop.GetProperty("status").GetString()));
        Assert.Contains(paper.GetProperty("open_orders").EnumerateArray(), o => o.GetProperty("client_order_id").GetString() == stop.GetProperty("client_order_id").GetString());
        Assert.Empty(paper.GetProperty("unknown_orders").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, paper.GetProperty("settle_command").ValueKind);
        Assert.Equal((1m, 10m), (Limit(paper, "orders").GetProperty("used").GetDecimal(), Limit(paper, "orders").GetProperty("max").GetDecimal()));
        Assert.Equal((3000.15m, 100000m), (Limit(paper, "notional").GetProperty("used").GetDecimal(), Limit(paper, "notional").GetProperty("max").GetDecimal()));
        Assert.Equal((0m, 1000m), (Limit(paper, "loss").GetProperty("used").GetDecimal(), Limit(paper, "loss").GetProperty("max").GetDecimal()));
    }

    [Fact]
    public void AfterALiveFill_TheHumanStatusReadsAtAGlance()
    {
        LiveBuy(_robson.CreateLiveStrategy(maxOrders: "10", maxNotional: "100000", maxLoss: "1000"));
        _robson.Clock.Advance(TimeSpan.FromMinutes(30));

        var text = _robson.Expect(0, "status", "--client-id", "1").Stdout;

        Assert.Contains("DAILY LIMITS count 2026-11-25 (UTC) and reset in 11h 30m, at 2026-11-26 00:00:00 UTC", text);
        Assert.Contains("VENUE paper (simulated)", text);
        Assert.Matches(@"orders\s+1/10\s", text);
        Assert.Matches(@"notional\s+3,000\.15/100,000\s", text);
        Assert.Matches(@"ETHUSDT\s+1\s+3,003\.15015\s+3,000\s+-3\.15015\s+PROTECTIVE_STOP rbs-", text);
    }

    [Fact]
    public void Positions_ShowsThePositionsAlone_WithTheTenant()
    {
        LiveBuy(_robson.CreateLiveStrategy());

        var json = _robson.Expect(0, "positions", "--client-id", "1", "--json").Json;
        var human = _robson.Expect(0, "positions", "--client-id", "1", "--venue", "paper").Stdout;
        var other = _robson.Expect(0, "positions", "--client-id", "2", "--json").Json;

        Assert.Equal(1, json.GetProperty("client_id").GetInt64());
        Assert.Equal(-3.15015m, Assert.Single(json.GetProperty("positions").EnumerateArray()).GetProperty("unrealised_pnl").GetDecimal());
        Assert.StartsWith("POSITIONS: client 1, venue paper", human);
        Assert.Contains("ETHUSDT", human);
        Assert.Empty(other.GetProperty("positions").EnumerateArray());
    }

    [Fact]
    public void AfterHalt_ShowsHaltedWithWhoWhyAndSince()
    {
        _robson.Clock.Advance(TimeSpan.FromMinutes(1));
        _robson.Expect(0, "halt", "--client-id", "1", "--reason", "desk closed");
        _robson.Clock.Advance(TimeSpan.FromMinutes(1));

        var trading = Status().GetProperty("trading_state");
        var text = _robson.Expect(0, "status", "--client-id", "1").Stdout;

        Assert.Equal(("HALTED", "desk closed", "tester@test-host", false), (trading.GetProperty("state").GetString(), trading.GetProperty("reason").GetString(),
            trading.GetProperty("by").GetString(), trading.GetProperty("automatic").GetBoolean()));
        Assert.StartsWith("2026-11-25T12:01:00", trading.GetProperty("since").GetString());
        Assert.Contains("TRADING: HALTED (no LIVE order until `robson resume`) since 2026-11-25 12:01:00 UTC by tester@test-host: desk closed", text);
    }

    [Fact]
    public void ValidatedPlan_IsListedWithItsTtlLeft_UntilItRunsLive()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1");
        _robson.Clock.Advance(TimeSpan.FromMinutes(5));

        var pending = Assert.Single(Venue(Status(), "paper").GetProperty("pending_plans").EnumerateArray());
        var text = _robson.Expect(0, "status", "--client-id", "1").Stdout;

        Assert.Equal((plan, "PASS", 600L), (pending.GetProperty("plan_id").GetString(), pending.GetProperty("validation").GetString(),
            pending.GetProperty("ttl_left_seconds").GetInt64()));
        Assert.Equal($"robson execute {plan} --client-id 1 --live --acknowledge-risk", pending.GetProperty("execute_command").GetString());
        Assert.Contains($"{plan}  PASS  BUY 0.1 ETHUSDT MARKET", text);
        Assert.Contains("TTL left 10m 00s (until 2026-11-25 12:15:00 UTC)", text);

        _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        Assert.Empty(Venue(Status(), "paper").GetProperty("pending_plans").EnumerateArray());
    }

    [Fact]
    public void ExpiredOrDryRunOnlyValidations_AreTreatedAsTheGuardWould()
    {
        var strategy = _robson.CreateLiveStrategy();
        var expired = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1");
        _robson.Clock.Advance(TimeSpan.FromMinutes(16));
        var dryRun = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.2");
        _robson.Expect(0, "execute", dryRun, "--client-id", "1"); // DRY-RUN: still waiting for LIVE

        var pending = Venue(Status(), "paper").GetProperty("pending_plans").EnumerateArray().Select(p => p.GetProperty("plan_id").GetString()).ToList();

        Assert.Equal([dryRun], pending);
        Assert.DoesNotContain(expired, pending);
    }

    [Theory]
    [InlineData(15 * 60, true)] // at the TTL: the ValidationRequired guard still passes it
    [InlineData(15 * 60 + 1, false)]
    public void ValidatedPlan_AtTheTtlBoundary(int secondsLater, bool listed)
    {
        var plan = _robson.ValidatedPlan("1", _robson.CreateLiveStrategy(), "buy", "ETHUSDT", "0.1");
        _robson.Clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var pending = Venue(Status(), "paper").GetProperty("pending_plans").EnumerateArray().Select(p => p.GetProperty("plan_id").GetString());

        Assert.Equal(listed, pending.Contains(plan));
    }

    [Fact]
    public void AtMidnightUtc_TheLimitsStartAgain_AndTheNextResetIsADayAway()
    {
        LiveBuy(_robson.CreateLiveStrategy());
        _robson.Clock.Advance(TimeSpan.FromHours(12)); // 2026-11-26 00:00 UTC

        var status = Status();

        Assert.Equal(("2026-11-26", 86400L), (status.GetProperty("day").GetString(), status.GetProperty("seconds_until_reset").GetInt64()));
        Assert.Equal(0m, Limit(Venue(status, "paper"), "orders").GetProperty("used").GetDecimal());
        Assert.Single(Venue(status, "paper").GetProperty("positions").EnumerateArray()); // positions carry over the reset
    }

    [Fact]
    public void Status_IsReadOnly()
    {
        LiveBuy(_robson.CreateLiveStrategy());
        var before = _robson.StoreBytes();

        _robson.Expect(0, "status", "--client-id", "1");
        _robson.Expect(0, "positions", "--client-id", "1", "--json");

        Assert.Equal(before, _robson.StoreBytes());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("positions")]
    public void UnknownVenue_ExitsTwo(string command)
    {
        var run = _robson.Expect(2, command, "--client-id", "1", "--venue", "nowhere");

        Assert.Contains("unknown venue 'nowhere' for client 1", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
