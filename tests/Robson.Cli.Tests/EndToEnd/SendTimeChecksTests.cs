using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// A validation authorises a plan; it never freezes prices. At LIVE every market-dependent rule runs again on the market
/// as the order leaves, a market order is capped at the collar from the mid then, and the venue's clock decides ages.
/// </summary>
public sealed class SendTimeChecksTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun Live(string planId) =>
        _robson.Run("execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

    private static JsonElement Guard(CliRun run, string name) =>
        run.Json.GetProperty("guards").EnumerateArray().Single(g => g.GetProperty("name").GetString() == name);

    private decimal PaperBalance(string asset) =>
        _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
            .Where(b => b.GetProperty("asset").GetString() == asset).Select(b => b.GetProperty("free").GetDecimal()).SingleOrDefault();

    [Fact]
    public void StaleValidation_AfterALargeMove_IsBlockedWhenTheOrderLeaves_WithTheNumbersThenAndAtValidation()
    {
        // Finding 1: validated at 56,000, sent at 70,000 — the stop 54,000 is now 22.9 % away and risks far more than allowed.
        _robson.Expect(0, "paper", "set-price", "BTCUSDT", "56000");
        var strategy = _robson.CreateLiveStrategy(maxLoss: "100");
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "0.02", "--market", "--stop-loss", "54000", "--strategy-id", strategy);
        _robson.Expect(0, "validate", plan, "--client-id", "1");
        _robson.Expect(0, "paper", "set-price", "BTCUSDT", "70000");

        var run = Live(plan);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("BLOCKED", run.Json.GetProperty("status").GetString());
        var market = Guard(run, "MarketConditions");
        Assert.False(market.GetProperty("passed").GetBoolean());
        var details = market.GetProperty("details");
        Assert.Contains("STOP_LOSS_INVALID", details.GetProperty("codes").GetString());
        Assert.Contains("STOP_LOSS_RISK_EXCEEDED", details.GetProperty("codes").GetString());
        Assert.Equal("56000", details.GetProperty("BTCUSDT.mid_at_validation").GetString());
        Assert.Equal("70000", details.GetProperty("BTCUSDT.mid_now").GetString());
        Assert.Equal(10_000m, PaperBalance("USDT")); // nothing was sent, nothing filled
        Assert.Equal(0, _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }

    [Fact]
    public void LimitOrder_ValidatedBeforeTheMarketMoved_IsBlockedByThePriceCollarAtLive()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--limit", "60000", "--stop-loss", "58000", "--strategy-id", strategy);
        _robson.Expect(0, "validate", plan, "--client-id", "1");
        _robson.Expect(0, "paper", "set-price", "BTCUSDT", "70000");

        var run = Live(plan);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PRICE_COLLAR", Guard(run, "MarketConditions").GetProperty("details").GetProperty("codes").GetString());
        Assert.Equal(10_000m, PaperBalance("USDT"));
    }

    [Fact]
    public void MarketOrder_IsSentWithAPriceCapAtTheCollarFromTheMid_AndTheReportShowsIt()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");

        var run = Live(plan);

        Assert.True(run.ExitCode == 0, run.ToString());
        var action = run.Json.GetProperty("actions")[0];
        Assert.Equal("63000", action.GetProperty("details").GetProperty("price_cap").GetString()); // 60,000 + 5 %
        Assert.Contains("capped at 63000", action.GetProperty("description").GetString());
        Assert.True(action.GetProperty("details").GetProperty("average_price").GetString() is { } average && decimal.Parse(average, System.Globalization.CultureInfo.InvariantCulture) <= 63000m);
    }

    [Fact]
    public void ValidationStampedInTheFuture_DoesNotAuthoriseLive()
    {
        // Finding 5: a validation made on a clock running ahead is not "fresh", it is invalid.
        var strategy = _robson.CreateLiveStrategy();
        _robson.Clock.Advance(TimeSpan.FromMinutes(10));
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Clock.Advance(TimeSpan.FromMinutes(-10));

        var run = Live(plan);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in the future", Guard(run, "ValidationRequired").GetProperty("message").GetString());
    }

    [Fact]
    public void LossLimitReachedByAnEarlierLeg_StopsTheRemainingLegs_NotSentAndAudited()
    {
        // Finding 4: the loss-limit halt used to run only after every leg. Buy BTC at 60,000, sell it at 55,000 in a
        // rebalance whose next leg buys ETH: the sell realises ~25 > max_loss_per_day 20, so the ETH buy never leaves.
        var strategy = _robson.CreateLiveStrategy(maxLoss: "20", maxPosition: "100");
        var bought = Live(_robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.005"));
        Assert.Equal(0, bought.ExitCode);
        // Take its protective stop off first, so the price can fall through it and the rebalance sells at a loss.
        var stop = bought.Json.GetProperty("actions")[1].GetProperty("details").GetProperty("client_order_id").GetString()!;
        var cancel = _robson.Expect(0, "plan", "cancel", "--order", stop, "--client-id", "1", "--strategy-id", strategy, "--json")
            .Json.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", cancel, "--client-id", "1");
        Assert.Equal(0, Live(cancel).ExitCode);
        _robson.Expect(0, "paper", "set-price", "BTCUSDT", "55000");
        var plan = _robson.Expect(0, "plan", "rebalance", "--target", "BTC:0,ETH:10,USDT:90", "--client-id", "1",
            "--strategy-id", strategy, "--json").Json.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", plan, "--client-id", "1");

        var run = Live(plan);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("FAILED", run.Json.GetProperty("status").GetString());
        var legs = run.Json.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("details").GetProperty("status").GetString()).ToList();
        Assert.Equal(["FILLED", "NOT_SENT"], legs);
        // On the paper venue the loss limit stops the leg by itself: a paper loss never halts the tenant (books per venue).
        Assert.Contains("reached max_loss_per_day 20", run.Json.GetProperty("actions")[1].GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal(0m, PaperBalance("ETH"));
        var audit = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json;
        Assert.Contains(audit.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ORDER_NOT_SENT");
    }

    [Fact]
    public void MarketBuy_ReservesItsCap_AgainstTheDailyNotional_SoSlippageCannotOvershootIt()
    {
        // 0.001 BTC is expected to cost ~60, but may fill up to its cap, 63: a day with room for 62 has no room for it.
        var strategy = _robson.CreateLiveStrategy(maxNotional: "62");
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");

        var run = Live(plan);

        Assert.Equal(1, run.ExitCode);
        var limits = Guard(run, "ExecutionLimits");
        Assert.False(limits.GetProperty("passed").GetBoolean());
        Assert.Equal("63", limits.GetProperty("details").GetProperty("notional_planned").GetString());
        Assert.True(Guard(run, "Policy").GetProperty("passed").GetBoolean()); // max_notional_per_order judges the expected fill, as validation does
    }
}
