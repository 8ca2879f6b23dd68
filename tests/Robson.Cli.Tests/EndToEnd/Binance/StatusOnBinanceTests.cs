using System.Text.Json;
using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// `status` and `report` on a real venue (the fake Binance, "bn"): an order of unknown outcome is shown with the command
/// that settles it, and after Robson halted the tenant by itself (max_loss_per_day) both say trading is halted.
/// </summary>
public sealed class StatusOnBinanceTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static JsonElement Venue(JsonElement status, string name) =>
        status.GetProperty("venues").EnumerateArray().Single(v => v.GetProperty("venue").GetString() == name);

    [Fact]
    public void UnknownOutcome_IsShownWithTheCommandThatSettlesIt()
    {
        _f.Exchange.InjectOrderFault(new FakeFault.Error500AfterPlacing());
        for (var i = 0; i < 40; i++) _f.Exchange.InjectLookupFault(new FakeFault.Unavailable503());
        Assert.Equal("UNKNOWN", _f.Action(_f.Live(_f.ValidatedPlan())).GetProperty("details").GetProperty("status").GetString());

        var bn = Venue(_f.Robson.Expect(0, "status", "--client-id", "1", "--json").Json, "bn");
        var text = _f.Robson.Expect(0, "status", "--client-id", "1", "--venue", "bn").Stdout;

        var order = Assert.Single(bn.GetProperty("unknown_orders").EnumerateArray());
        Assert.Equal(("UNKNOWN", "BTCUSDT"), (order.GetProperty("status").GetString(), order.GetProperty("symbol").GetString()));
        Assert.Equal("robson reconcile --client-id 1 --venue bn", bn.GetProperty("settle_command").GetString());
        Assert.Equal("real", bn.GetProperty("limits_scope").GetString());
        Assert.Contains("settle them with `robson reconcile --client-id 1 --venue bn`", text);
        Assert.DoesNotContain("VENUE paper", text);
    }

    [Fact]
    public void AfterAnAutomaticHalt_ReportAndStatusSayTradingIsHalted()
    {
        _f.Exchange.SetBalance("BTC", 1m);
        Assert.Equal(0, _f.Live(_f.ValidatedPlan("buy", "BTCUSDT", "0.1")).ExitCode);
        _f.Exchange.SetMid("BTCUSDT", 49_000m);
        var sell = _f.Live(_f.ValidatedPlan("sell", "BTCUSDT", "0.1")); // a loss of about 1,100 > max_loss_per_day 1,000
        Assert.Contains(sell.Json.GetProperty("notices").EnumerateArray(), n => n.GetString()!.Contains("Trading HALTED", StringComparison.Ordinal));

        var report = _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("trading_state");
        var text = _f.Robson.Expect(0, "report", "--client-id", "1").Stdout;
        var status = _f.Robson.Expect(0, "status", "--client-id", "1", "--json").Json.GetProperty("trading_state");

        Assert.Equal(("HALTED", true), (report.GetProperty("state").GetString(), report.GetProperty("automatic").GetBoolean()));
        Assert.StartsWith("automatic: realised loss today", report.GetProperty("reason").GetString());
        Assert.Contains("TRADING (now): HALTED (no LIVE order until `robson resume`) since ", text);
        Assert.Contains("(automatic): automatic: realised loss today", text);
        Assert.Equal(("HALTED", true), (status.GetProperty("state").GetString(), status.GetProperty("automatic").GetBoolean()));
    }
}
