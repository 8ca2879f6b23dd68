using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// On a real venue every limit holds at LIVE: position size and drawdown on the account read with LIVE's credentials,
/// market orders capped and sent as LIMIT IOC, no market order without a price, and the venue's clock decides.
/// </summary>
public sealed class LiveGuardsOnBinanceTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    /// <summary>An account of 100,000 USDT and nothing else, so equity and position sizes are easy to read.</summary>
    public LiveGuardsOnBinanceTests()
    {
        foreach (var asset in new[] { "BTC", "ETH", "BNB", "SOL" }) _f.Exchange.SetBalance(asset, 0m);
    }

    public void Dispose() => _f.Dispose();

    private static JsonElement Guard(CliRun run, string name) =>
        run.Json.GetProperty("guards").EnumerateArray().Single(g => g.GetProperty("name").GetString() == name);

    private string Strategy(string maxPosition = "50", params string[] extra) => _f.Robson.CreateLiveStrategy(maxOrders: "100", maxNotional: "1000000",
        maxLoss: "100000", maxPosition: maxPosition, maxNotionalPerOrder: "1000000", extra: extra);

    private string Validated(string strategy, string quantity, params string[] extra)
    {
        var plan = _f.Robson.Plan("1", ["buy", "BTCUSDT", quantity, "--venue", "bn", "--strategy-id", strategy, .. extra]);
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        return plan;
    }

    [Fact]
    public void PositionSize_IsEnforcedAtLive_ThoughValidationCouldOnlyWarn()
    {
        // Finding 3: validation has no balances (ACCOUNT_UNAVAILABLE warning), and nothing checked the position at LIVE.
        var plan = Validated(Strategy(), "1"); // 60,000 of 100,000 equity > 50 %

        var run = _f.Live(plan);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MAX_POSITION_EXCEEDED", Guard(run, "MarketConditions").GetProperty("details").GetProperty("codes").GetString());
        Assert.Empty(_f.Exchange.Orders);
    }

    [Fact]
    public void ValidateWithAccount_ReadsTheBalances_AndFailsThePositionAheadOfTime()
    {
        var strategy = Strategy();
        var plan = _f.Robson.Plan("1", "buy", "BTCUSDT", "1", "--venue", "bn", "--strategy-id", strategy);

        var without = _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        Assert.Contains("ACCOUNT_UNAVAILABLE", without.Stdout);
        Assert.Contains("LIVE will decide", without.Stdout);
        var with = _f.Robson.Expect(1, "validate", plan, "--client-id", "1", "--with-account");

        Assert.Contains("MAX_POSITION_EXCEEDED", with.Stdout);
        Assert.DoesNotContain("ACCOUNT_UNAVAILABLE", with.Stdout);
        Assert.Empty(_f.Exchange.Orders);
        Assert.DoesNotContain(BinanceFixture.Secret, with.Stdout + with.Stderr);
    }

    [Fact]
    public void Drawdown_IsEnforcedAtLive_FromTheEquityRecordedOnTheVenue()
    {
        var strategy = Strategy();
        Assert.Equal(0, _f.Live(Validated(strategy, "0.001")).ExitCode); // records the venue's equity (~100,000) after the order
        _f.Exchange.SetBalance("USDT", 50_000m); // equity halves: 50 % down > max_drawdown_percent 20

        var run = _f.Live(Validated(strategy, "0.001"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MAX_DRAWDOWN_EXCEEDED", Guard(run, "MarketConditions").GetProperty("details").GetProperty("codes").GetString());
        Assert.Single(_f.EntryOrders);
    }

    [Fact]
    public void MarketOrder_GoesToTheExchangeAsLimitIocAtTheCap()
    {
        var run = _f.Live(Validated(Strategy(), "0.001"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var order = Assert.Single(_f.EntryOrders);
        Assert.Equal(("LIMIT", "IOC"), (order.Type, order.TimeInForce));
        _f.AssertProtectedOnce(order);
        Assert.True(order.Price <= _f.Exchange.Mid("BTCUSDT") * 1.05m, $"cap {order.Price}");
        Assert.Equal(order.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _f.Action(run).GetProperty("details").GetProperty("price_cap").GetString());
    }

    [Fact]
    public void OneSidedBook_NoMarketPrice_NoLiveMarketOrder()
    {
        // Finding 7: with no mid a market order was valued at 0 and slipped past the notional limits.
        var plan = Validated(Strategy(), "0.001");
        _f.Exchange.SetMid("BTCUSDT", 0.01m); // every bid would be below the minimum price: the book has asks only

        var run = _f.Live(plan);

        Assert.Equal(1, run.ExitCode);
        Assert.False(Guard(run, "MarketPrice").GetProperty("passed").GetBoolean());
        Assert.Contains("NO_MARKET_PRICE", Guard(run, "MarketPrice").GetProperty("message").GetString());
        Assert.Empty(_f.Exchange.Orders);
    }

    [Fact]
    public void LocalClockFarFromTheVenues_LiveRefusedWithClockSkew_AndTodayIsTheVenuesDay()
    {
        // Finding 5: a faked local clock moved "today" to a day with no usage (the signing offset cancelled the fake out).
        var strategy = Strategy();
        Assert.Equal(0, _f.Live(Validated(strategy, "0.001")).ExitCode);
        var plan = Validated(strategy, "0.001");
        _f.Robson.Clock.Skew = TimeSpan.FromDays(1);

        var live = _f.Live(plan);
        var dry = _f.Robson.Expect(0, "execute", plan, "--client-id", "1", "--json");

        Assert.Equal(1, live.ExitCode);
        Assert.False(Guard(live, "VenueClock").GetProperty("passed").GetBoolean());
        Assert.Contains("CLOCK_SKEW", Guard(live, "VenueClock").GetProperty("message").GetString());
        Assert.Single(_f.EntryOrders);
        Assert.Equal("1", Guard(dry, "ExecutionLimits").GetProperty("details").GetProperty("orders_today").GetString());
    }

    [Fact]
    public void BookThinnedSinceValidation_SlippageAboveMaxSlippage_BlocksAtLive()
    {
        _f.Exchange.LevelNotional = 1_000_000m; // deep: 0.2 BTC fills at the best ask
        var plan = Validated(Strategy("50", "--max-slippage-percent", "0.01"), "0.2");
        _f.Exchange.LevelNotional = 1_000m; // thin: 0.2 BTC (12,000 USDT) walks several levels

        var run = _f.Live(plan);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MAX_SLIPPAGE_EXCEEDED", Guard(run, "MarketConditions").GetProperty("details").GetProperty("codes").GetString());
        Assert.Empty(_f.Exchange.Orders);
    }

    [Fact]
    public void DryRun_CannotReadTheAccount_SaysLiveIsNotConfirmed_InsteadOfLiveReady()
    {
        // A DRY-RUN loads no credentials, so a position LIVE will refuse cannot be seen: it must not say LIVE READY.
        var plan = Validated(Strategy(), "1"); // 60,000 of 100,000 equity > 50 %

        var dry = _f.Robson.Expect(0, "execute", plan, "--client-id", "1", "--json");
        var human = _f.Robson.Expect(0, "execute", plan, "--client-id", "1");

        Assert.False(dry.Json.GetProperty("live_ready").GetBoolean());
        Assert.Equal("false", Guard(dry, "MarketConditions").GetProperty("details").GetProperty("account_checked").GetString());
        Assert.Contains("LIVE NOT CONFIRMED", human.Stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal(1, _f.Live(plan).ExitCode); // and LIVE, which reads the account, refuses it
    }

    [Fact]
    public void ReconcileWithTheLocalClockADayBehind_DatesTheFillsOnTheVenuesDay()
    {
        var plan = _f.Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--limit", "58200", "--stop-loss", "56000", "--venue", "bn", "--strategy-id", Strategy());
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        var placed = _f.Live(plan);
        Assert.True(_f.Exchange.FillOrder(_f.Action(placed).GetProperty("details").GetProperty("client_order_id").GetString()!));

        _f.Robson.Clock.Skew = TimeSpan.FromDays(-1);
        _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        _f.Robson.Clock.Skew = TimeSpan.Zero;

        var today = _f.Robson.Expect(0, "report", "--client-id", "1", "--venue", "bn", "--json").Json;
        Assert.Equal(1, today.GetProperty("fills").GetInt32());
    }
}
