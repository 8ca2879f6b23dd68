using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>`robson analytics`: the dashboard's series, each checked against what happened.</summary>
public sealed class AnalyticsCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private JsonElement Analytics(params string[] args) => _robson.Expect(0, ["analytics", "--client-id", "1", "--json", .. args]).Json;

    [Fact]
    public void EverySeries_CountsWhatHappened_DayByDay()
    {
        var strategy = _robson.CreateLiveStrategy(maxNotional: "5000");
        // Day 1: a LIVE buy that fills, a LIVE attempt without the acknowledgement (blocked), a failed validation.
        var buy = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.5", "--limit", "3010");
        var filled = _robson.Expect(0, "execute", buy, "--client-id", "1", "--live", "--acknowledge-risk", "--json").Json;
        var other = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--limit", "3010");
        _robson.Expect(1, "execute", other, "--client-id", "1", "--live", "--json");
        var tooBig = _robson.Plan("1", "buy", "ETHUSDT", "100", "--limit", "3010", "--strategy-id", strategy);
        _robson.Expect(1, "validate", tooBig, "--client-id", "1");
        // Day 2: the position is sold at a profit.
        _robson.Clock.Advance(TimeSpan.FromDays(1));
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3100");
        var sell = _robson.ValidatedPlan("1", strategy, "sell", "ETHUSDT", "0.5", "--limit", "3090");
        _robson.Expect(0, "execute", sell, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

        var day1 = Support.Robson.Start.ToString("yyyy-MM-dd");
        var day2 = Support.Robson.Start.AddDays(1).ToString("yyyy-MM-dd");
        var a = Analytics();
        Assert.Equal(day2, a.GetProperty("to").GetString());
        Assert.Equal(Support.Robson.Start.AddDays(-28).ToString("yyyy-MM-dd"), a.GetProperty("from").GetString()); // 30 days ending today

        // Notional and fees are the daily report's own figures, day by day.
        foreach (var day in new[] { day1, day2 })
        {
            var report = _robson.Expect(0, "report", "--client-id", "1", "--day", day, "--json").Json;
            var notional = a.GetProperty("notional_by_day").EnumerateArray().Single(r => r.GetProperty("day").GetString() == day);
            Assert.Equal(report.GetProperty("notional").GetDecimal(), notional.GetProperty("notional").GetDecimal());
            Assert.Equal(5000m, notional.GetProperty("max_notional").GetDecimal());
            var pnl = a.GetProperty("pnl_by_day").EnumerateArray().Single(r => r.GetProperty("day").GetString() == day);
            Assert.Equal(report.GetProperty("fees").GetDecimal(), pnl.GetProperty("fees").GetDecimal());
            Assert.Equal(report.GetProperty("realised_pnl").GetDecimal(), pnl.GetProperty("realised_pnl").GetDecimal());
        }
        Assert.True(a.GetProperty("pnl_by_day")[1].GetProperty("realised_pnl").GetDecimal() > 0);

        var block = Assert.Single(a.GetProperty("blocks_by_guard_by_day").EnumerateArray());
        Assert.Equal((day1, "Acknowledgement", 1), (block.GetProperty("day").GetString(), block.GetProperty("guard").GetString(), block.GetProperty("blocks").GetInt32()));

        var validations = a.GetProperty("validations_by_day").EnumerateArray().ToList();
        Assert.Equal([day1, day2], validations.Select(v => v.GetProperty("day").GetString()));
        Assert.Equal(1, validations[0].GetProperty("failed").GetInt32());
        Assert.Equal(2, validations[0].GetProperty("passed").GetInt32() + validations[0].GetProperty("warned").GetInt32());

        // Slippage: each filled LIVE entry against the mid recorded as it left.
        var slips = a.GetProperty("slippage").EnumerateArray().ToList();
        Assert.Equal(["BUY", "SELL"], slips.Select(s => s.GetProperty("side").GetString()));
        foreach (var slip in slips)
        {
            var (average, mid) = (slip.GetProperty("average_price").GetDecimal(), slip.GetProperty("mid").GetDecimal());
            var expected = Math.Round((slip.GetProperty("side").GetString() == "BUY" ? average - mid : mid - average) / mid * 10000m, 2);
            Assert.Equal(expected, slip.GetProperty("slippage_bps").GetDecimal());
        }
        // A buy at 3000.15 (the ask) against a mid of 3000 paid 0.5 bps over the mid: worse, so positive.
        Assert.Equal((3000.15m, 3000m, 0.5m), (slips[0].GetProperty("average_price").GetDecimal(), slips[0].GetProperty("mid").GetDecimal(),
            slips[0].GetProperty("slippage_bps").GetDecimal()));
        // The venue in any case is the paper venue, on every series.
        Assert.Equal(a.GetProperty("slippage").GetRawText(), Analytics("--venue", "PAPER").GetProperty("slippage").GetRawText());
        Assert.Equal("paper", Analytics("--venue", "PAPER").GetProperty("venue").GetString());
        var order = filled.GetProperty("actions")[0].GetProperty("details");
        Assert.Equal(order.GetProperty("mid").GetString(), slips[0].GetProperty("mid").GetRawText());
    }

    [Fact]
    public void ALiveOrder_RecordsTheMidAsItLeft()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001", "--limit", "60010");
        var details = _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json").Json
            .GetProperty("actions")[0].GetProperty("details");
        var mid = _robson.Expect(0, "market", "price", "BTCUSDT", "--json").Json.GetProperty("mid").GetDecimal();
        Assert.Equal(mid, decimal.Parse(details.GetProperty("mid").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AnEmptyPeriod_HasEmptySeries_AndBadInputIsExit2()
    {
        var a = Analytics("--from", "2026-01-01", "--to", "2026-01-31");
        foreach (var series in new[] { "pnl_by_day", "notional_by_day", "blocks_by_guard_by_day", "validations_by_day", "slippage" })
            Assert.Empty(a.GetProperty(series).EnumerateArray());
        _robson.Expect(2, "analytics", "--client-id", "1", "--from", "2026-02-01", "--to", "2026-01-01");
        _robson.Expect(2, "analytics", "--client-id", "1", "--from", "2024-01-01", "--to", "2026-01-01");
        _robson.Expect(2, "analytics", "--client-id", "1", "--venue", "nowhere");
    }
}
