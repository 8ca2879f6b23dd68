using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>The report says whether the tenant may trade now: ACTIVE, or HALTED/REDUCING with who, why and since.</summary>
public sealed class ReportTradingStateTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Report_OfAnActiveTenant_SaysActive()
    {
        var json = _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("trading_state");
        var text = _robson.Expect(0, "report", "--client-id", "1").Stdout;

        Assert.Equal("ACTIVE", json.GetProperty("state").GetString());
        Assert.Contains("TRADING (now): ACTIVE", text);
    }

    [Fact]
    public void Report_AfterHalt_SaysTradingIsHalted_WithWhoAndWhy()
    {
        _robson.Expect(0, "halt", "--client-id", "1", "--reason", "desk closed");

        var json = _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("trading_state");
        var text = _robson.Expect(0, "report", "--client-id", "1", "--day", "2026-11-24").Stdout;

        Assert.Equal(("HALTED", "desk closed", "tester@test-host"), (json.GetProperty("state").GetString(), json.GetProperty("reason").GetString(),
            json.GetProperty("by").GetString()));
        Assert.Contains("TRADING (now): HALTED (no LIVE order until `robson resume`) since 2026-11-25 12:00:00 UTC by tester@test-host: desk closed", text);
    }

    [Fact]
    public void HaltAndResume_UnderJson_AnswerTheSameTradingStateAsTheReport()
    {
        var halted = _robson.Expect(0, "halt", "--client-id", "1", "--reason", "desk closed", "--json").Json;
        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("trading_state");

        Assert.Equal(1, halted.GetProperty("client_id").GetInt64());
        Assert.Equal(report.ToString(), halted.GetProperty("trading_state").ToString());
        var resumed = _robson.Expect(0, "resume", "--client-id", "1", "--acknowledge-risk", "--json").Json.GetProperty("trading_state");
        Assert.Equal(("ACTIVE", "tester@test-host"), (resumed.GetProperty("state").GetString(), resumed.GetProperty("by").GetString()));
    }

    [Fact]
    public void Report_AfterReduceOnly_SaysSo()
    {
        _robson.Expect(0, "reduce-only", "--client-id", "1", "--reason", "volatile");

        Assert.Equal("REDUCING", _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("trading_state").GetProperty("state").GetString());
        Assert.Contains("TRADING (now): REDUCING", _robson.Expect(0, "report", "--client-id", "1").Stdout);
    }
}
