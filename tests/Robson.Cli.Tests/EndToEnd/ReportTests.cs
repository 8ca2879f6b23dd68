using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>`report`: a day or a period at a glance, from recorded LIVE orders and fills, validations and executions.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private const string Day1 = "2026-11-25";
    private const string Day2 = "2026-11-26";

    public ReportTests()
    {
        // Day 1: buy 1 ETH, sell 0.5 ETH lower (a realised loss), one plan blocked twice, one failed validation.
        var strategy = _robson.CreateLiveStrategy(maxOrders: "10", maxNotional: "10000", maxLoss: "500");
        var buy = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "1");
        _robson.Expect(1, "execute", buy, "--client-id", "1", "--live");
        Live(buy, 0);
        Live(buy, 1); // SingleLiveExecution, and MarketConditions: a second ETH would exceed max position
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "2900");
        Live(_robson.ValidatedPlan("1", strategy, "sell", "ETHUSDT", "0.5"), 0);
        _robson.Expect(1, "validate", _robson.Plan("1", "buy", "ETHUSDT", "0.01"), "--client-id", "1"); // no strategy: FAIL
        _robson.Expect(0, "execute", _robson.Plan("1", "buy", "ETHUSDT", "0.01"), "--client-id", "1");

        // Day 2: one more buy.
        _robson.Clock.Advance(TimeSpan.FromDays(1));
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3000");
        Live(_robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1"), 0);
        // Another tenant's activity never shows.
        _robson.Expect(0, "execute", _robson.Plan("2", "buy", "ETHUSDT", "0.01"), "--client-id", "2");
    }

    public void Dispose() => _robson.Dispose();

    private void Live(string plan, int exitCode) => _robson.Expect(exitCode, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");

    private JsonElement Report(params string[] args) => _robson.Expect(0, ["report", "--client-id", "1", "--json", .. args]).Json;

    private static JsonElement Limit(JsonElement report, string name) =>
        report.GetProperty("strategies")[0].GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("limit").GetString() == name);

    [Fact]
    public void Day_HasOrdersNotionalFillsFeesAndRealisedPnlBySymbol()
    {
        var r = Report("--day", Day1);

        Assert.Equal((Day1, Day1, Day1), (r.GetProperty("day").GetString(), r.GetProperty("from").GetString(), r.GetProperty("to").GetString()));
        Assert.Equal(2, r.GetProperty("orders").GetInt32());
        Assert.Equal(2, r.GetProperty("fills").GetInt32());
        // Bought 1 @ 3000.15 (fee 3.00015); sold 0.5 @ 2899.86 (fee 1.44993): 1449.93 − 1501.575075 − 1.44993.
        Assert.Equal(3000.15m + 1449.93m, r.GetProperty("notional").GetDecimal());
        Assert.Equal(3.00015m + 1.44993m, r.GetProperty("fees").GetDecimal());
        Assert.Equal(-53.095005m, r.GetProperty("realised_pnl").GetDecimal());
        Assert.Equal(53.095005m, r.GetProperty("realised_loss").GetDecimal());

        var eth = r.GetProperty("symbols").EnumerateArray().Single();
        Assert.Equal(("ETHUSDT", 2, 2, 1m, 0.5m, -53.095005m), (eth.GetProperty("symbol").GetString(), eth.GetProperty("orders").GetInt32(),
            eth.GetProperty("fills").GetInt32(), eth.GetProperty("bought_quantity").GetDecimal(), eth.GetProperty("sold_quantity").GetDecimal(),
            eth.GetProperty("realised_pnl").GetDecimal()));
        Assert.Equal(-53.095005m, r.GetProperty("realised_pnl_by_symbol")[0].GetProperty("realised_pnl").GetDecimal());
    }

    [Fact]
    public void Day_FeesMatchTheRecordedFills()
    {
        var executions = _robson.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions").EnumerateArray()
            .Where(e => e.GetProperty("mode").GetString() == "LIVE" && e.GetProperty("executed_at").GetString()!.StartsWith(Day1, StringComparison.Ordinal));

        Assert.Equal(executions.Sum(e => e.GetProperty("fees").GetDecimal()), Report("--day", Day1).GetProperty("fees").GetDecimal());
    }

    [Fact]
    public void Day_EachLimitsUsage_AsTraderReadsIt()
    {
        var r = Report("--day", Day1);

        var orders = Limit(r, "orders");
        Assert.Equal(("2/10", 2m, 10m, 20m), (orders.GetProperty("usage").GetString(), orders.GetProperty("used").GetDecimal(),
            orders.GetProperty("max").GetDecimal(), orders.GetProperty("percent").GetDecimal()));
        Assert.Equal("4450.08/10000", Limit(r, "notional").GetProperty("usage").GetString());
        Assert.Equal("53.095005/500", Limit(r, "loss").GetProperty("usage").GetString());
    }

    [Fact]
    public void Day_ValidationsExecutionsAndBlockedAttemptsByGuard()
    {
        var r = Report("--day", Day1);

        var v = r.GetProperty("validations");
        Assert.Equal((2, 0, 1), (v.GetProperty("passed").GetInt32(), v.GetProperty("warned").GetInt32(), v.GetProperty("failed").GetInt32()));
        var live = r.GetProperty("executions").EnumerateArray().Single(e => e.GetProperty("mode").GetString() == "LIVE");
        Assert.Equal((2, 0, 2), (live.GetProperty("succeeded").GetInt32(), live.GetProperty("failed").GetInt32(), live.GetProperty("blocked").GetInt32()));
        var blocked = r.GetProperty("blocked");
        Assert.Equal(2, blocked.GetProperty("total").GetInt32());
        Assert.Equal(["Acknowledgement", "MarketConditions", "SingleLiveExecution"], blocked.GetProperty("by_guard").EnumerateArray()
            .Select(g => g.GetProperty("guard").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Today_IsTheDefault()
    {
        var r = Report();

        Assert.Equal(Day2, r.GetProperty("day").GetString());
        Assert.Equal(1, r.GetProperty("orders").GetInt32());
        Assert.Equal(0m, r.GetProperty("realised_pnl").GetDecimal());
    }

    [Fact]
    public void Period_AddsUpTheDays_AndLimitsShowTheBusiestDay()
    {
        var r = Report("--from", "2026-11-24", "--to", Day2);

        Assert.Equal(JsonValueKind.Null, r.GetProperty("day").ValueKind);
        Assert.Equal(3, r.GetProperty("orders").GetInt32());
        Assert.Equal(3, r.GetProperty("days").GetArrayLength());
        Assert.Equal([0, 2, 1], r.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("orders").GetInt32()));
        Assert.Equal(-53.095005m, r.GetProperty("realised_pnl").GetDecimal());
        var orders = Limit(r, "orders");
        Assert.Equal(("2/10", Day1), (orders.GetProperty("usage").GetString(), orders.GetProperty("day").GetString()));
        Assert.Equal(3, r.GetProperty("validations").GetProperty("passed").GetInt32());
        Assert.Equal(r.GetProperty("orders").GetInt32(), Report("--from", Day1).GetProperty("orders").GetInt32());
    }

    [Fact]
    public void Human_ReadsAtAGlance_TablesAndABarPerLimit()
    {
        var text = _robson.Expect(0, "report", "--client-id", "1", "--day", Day1).Stdout;

        Assert.Contains($"REPORT: client 1, {Day1} (UTC)", text);
        Assert.Contains("LIVE: 2 order(s) · notional 4,450.08 · 2 fill(s) · fees 4.45008 · realised P&L -53.095005", text);
        Assert.Matches(@"SYMBOL\s+ORDERS\s+NOTIONAL\s+FILLS\s+BOUGHT\s+SOLD\s+FEES\s+REALISED P&L", text);
        Assert.Matches(@"ETHUSDT\s+2\s+4,450.08\s+2\s+1\s+0.5\s+4.45008\s+-53.095005", text);
        Assert.Matches(@"orders\s+2/10\s+\[####................\]\s+20%", text);
        Assert.Matches(@"notional\s+4,450.08/10,000\s+\[#########...........\]\s+45%", text);
        Assert.Matches(@"loss\s+53.095005/500\s+\[##..................\]\s+11%", text);
        Assert.Contains("VALIDATIONS: 2 passed · 0 warned · 1 failed", text);
        Assert.Contains("BLOCKED:     2 attempt(s) (2 LIVE, 0 DRY-RUN); by guard: Acknowledgement 1 · MarketConditions 1 · SingleLiveExecution 1", text);
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void Human_Period_HasADayTable()
    {
        var text = _robson.Expect(0, "report", "--client-id", "1", "--from", "2026-11-24", "--to", Day2).Stdout;

        Assert.Contains("2026-11-24 to 2026-11-26 (UTC, 3 days)", text);
        Assert.Matches(@"2026-11-25\s+paper\s+2\s+4,450.08", text);
        Assert.Contains("(1 day(s) without LIVE activity not shown)", text);
    }

    [Fact]
    public void OtherTenant_SeesOnlyItsOwn()
    {
        var r = _robson.Expect(0, "report", "--client-id", "2", "--json").Json;

        Assert.Equal(0, r.GetProperty("orders").GetInt32());
        Assert.Empty(r.GetProperty("strategies").EnumerateArray());
        Assert.Equal(1, r.GetProperty("executions").EnumerateArray().Single(e => e.GetProperty("mode").GetString() == "DRY_RUN").GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public void Report_IsReadOnly()
    {
        var before = _robson.StoreBytes();

        _robson.Expect(0, "report", "--client-id", "1", "--from", Day1);

        Assert.Equal(before, _robson.StoreBytes());
    }

    [Theory]
    [InlineData("--day", Day1, "--from", Day1)]
    [InlineData("--to", Day2)]
    [InlineData("--from", Day2, "--to", Day1)]
    [InlineData("--from", "2025-01-01", "--to", Day2)]
    [InlineData("--from", "25/11/2026")]
    public void BadPeriod_ExitsTwo(params string[] args)
    {
        var run = _robson.Expect(2, ["report", "--client-id", "1", .. args]);

        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
