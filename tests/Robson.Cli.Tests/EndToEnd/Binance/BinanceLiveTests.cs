using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>LIVE on a Binance-compatible venue through the real CLI, for each fault: never a duplicate, never a lost order.</summary>
public sealed class BinanceLiveTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Live_FillsOnTheExchange_AndRecordsFillsAndFeesFromTheAnswer()
    {
        var run = _f.Live(_f.ValidatedPlan());

        Assert.True(run.ExitCode == 0, run.ToString());
        var order = Assert.Single(_f.EntryOrders);
        Assert.StartsWith("rbs-", order.ClientOrderId);
        Assert.Equal("FILLED", order.Status);
        _f.AssertProtectedOnce(order);
        var action = _f.Action(run);
        Assert.Equal("REAL_ORDER", action.GetProperty("type").GetString());
        Assert.Equal("FILLED", action.GetProperty("details").GetProperty("status").GetString());
        Assert.Equal("BTC", action.GetProperty("details").GetProperty("fee_asset").GetString()); // Binance charges a buy in the asset received
        var report = _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal(1, report.GetProperty("orders").GetInt32());
        _f.AssertAtMostOnce();
    }

    /// <summary>
    /// 503 -1008 leaves the outcome unknown, so the order is looked up, never re-sent; once its deadline (signed at SENT +
    /// recvWindow + the clock uncertainty) has passed without the venue knowing it, it was never placed and never will
    /// be: NOT_PLACED within seconds, no longer counted, nothing left for reconcile.
    /// </summary>
    [Fact]
    public void Http503BeforePlacing_IsNotPlacedWithinSeconds_AndNotCounted()
    {
        _f.Exchange.InjectOrderFault(new FakeFault.Unavailable503());

        var run = _f.Live(_f.ValidatedPlan());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("FAILED", run.Json.GetProperty("status").GetString());
        Assert.Equal("NOT_PLACED", _f.Action(run).GetProperty("details").GetProperty("status").GetString());
        Assert.Empty(_f.Exchange.Orders);
        Assert.Equal(1, _f.Exchange.OrderRequestCount); // looked up, never re-sent
        Assert.True(_f.Exchange.RequestCount("GET", "/api/v3/order") >= 2, "looked up until the deadline");
        Assert.Equal(0, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
        Assert.DoesNotContain("NOT_PLACED", _f.Robson.Expect(0, "reconcile", "--client-id", "1").Stdout);
        Assert.Empty(_f.Exchange.Orders);
    }

    [Fact]
    public void RestingOrderFilledLater_IsRecordedByReconcile_AndCountsInTheDay()
    {
        var plan = _f.Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--limit", "58200", "--stop-loss", "56000", "--venue", "bn", "--strategy-id", _f.StrategyId);
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        var placed = _f.Live(plan);
        var clientOrderId = _f.Action(placed).GetProperty("details").GetProperty("client_order_id").GetString()!;
        Assert.True(_f.Exchange.FillOrder(clientOrderId));

        var reconcile = _f.Robson.Expect(0, "reconcile", "--client-id", "1");

        Assert.Contains("ACKED -> FILLED", reconcile.Stdout);
        var report = _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal(58.2m, report.GetProperty("notional").GetDecimal());
        // The entry is no longer open; what rests now is its protective stop, placed by reconcile once it saw the fill.
        var open = _f.Robson.Expect(0, "orders", "list", "--client-id", "1").Stdout;
        Assert.DoesNotContain(clientOrderId + " ", open);
        Assert.Contains(clientOrderId + "-p1", open);
        Assert.True(_f.AssertProtectedOnce(_f.Exchange.FindOrder(clientOrderId)!).IsOpen);
    }

    public static TheoryData<string> FaultsAfterPlacing => new() { "timeout", "500", "-1007" };

    [Theory]
    [MemberData(nameof(FaultsAfterPlacing))]
    public void FaultAfterPlacing_IsResolvedByLookup_NeverResent(string fault)
    {
        _f.Exchange.InjectOrderFault(fault switch
        {
            "timeout" => new FakeFault.TimeoutAfterPlacing(TimeSpan.FromSeconds(5)),
            "500" => new FakeFault.Error500AfterPlacing(),
            _ => new FakeFault.UnknownStatus1007AfterPlacing(),
        });

        var run = _f.Live(_f.ValidatedPlan());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("FILLED", _f.Action(run).GetProperty("details").GetProperty("status").GetString());
        Assert.Contains("found on the venue by client order id", _f.Action(run).GetProperty("details").GetProperty("reason").GetString());
        _f.AssertProtectedOnce(Assert.Single(_f.EntryOrders));
        Assert.Equal(1, _f.EntryOrderRequestCount);
        _f.AssertAtMostOnce();
    }

    [Fact]
    public void UnknownOutcome_BlocksTheSymbol_UntilReconcileSettlesIt()
    {
        _f.Exchange.InjectOrderFault(new FakeFault.Error500AfterPlacing());
        for (var i = 0; i < 40; i++) _f.Exchange.InjectLookupFault(new FakeFault.Unavailable503());
        var first = _f.Live(_f.ValidatedPlan());
        Assert.Equal(1, first.ExitCode);
        Assert.Equal("UNKNOWN", _f.Action(first).GetProperty("details").GetProperty("status").GetString());

        // DRY-RUN shows the refusal LIVE would meet; LIVE itself first tries to reconcile, which fails while the
        // venue keeps failing (its circuit opens), so nothing is sent either way.
        var next = _f.ValidatedPlan();
        var dryRun = _f.Robson.Expect(0, "execute", next, "--client-id", "1");
        Assert.Contains("UnresolvedOrders: Would block LIVE: Orders of unknown outcome on BTCUSDT", dryRun.Stdout);
        var blocked = _f.Live(next);
        Assert.True(blocked.ExitCode == 1, blocked.ToString());
        Assert.Single(_f.Exchange.Orders); // the entry's fill is not known yet, so nothing protects it yet
        Assert.Equal(1, _f.Exchange.OrderRequestCount);

        _f.Exchange.ClearFaults();
        var reconcile = _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Contains("UNKNOWN -> FILLED", reconcile.Stdout);
        Assert.Equal(1, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
        Assert.Equal(0, _f.Live(next).ExitCode);
        Assert.Equal(2, _f.EntryOrders.Count);
        Assert.All(_f.EntryOrders, entry => _f.AssertProtectedOnce(entry));
        _f.AssertAtMostOnce();
    }

    [Fact]
    public void RateLimited429_NotPlaced_AndTheNextRequestWaitsRetryAfter()
    {
        _f.Exchange.InjectOrderFault(new FakeFault.RateLimited429(RetryAfterSeconds: 2));
        var limited = _f.Live(_f.ValidatedPlan());
        Assert.Equal(1, limited.ExitCode);
        Assert.Contains("429", _f.Action(limited).GetProperty("result").GetString());
        var limitedAt = _f.Exchange.Requests.Last(r => r.Endpoint == "POST /api/v3/order").ReceivedAt;

        var next = _f.Live(_f.ValidatedPlan()); // another process: the back-off was kept in the database

        Assert.Equal(0, next.ExitCode);
        var firstAfter = _f.Exchange.Requests.First(r => r.ReceivedAt > limitedAt).ReceivedAt;
        Assert.True(firstAfter - limitedAt >= TimeSpan.FromSeconds(1.9), $"next request came {firstAfter - limitedAt} after the 429");
        Assert.Single(_f.EntryOrders);
    }

    [Fact]
    public void Banned418_StopsAllRequestsUntilTheBanEnds_AndSaysSo()
    {
        _f.PrepareSpare();
        _f.Exchange.InjectOrderFault(new FakeFault.Banned418(RetryAfterSeconds: 600));
        var banned = _f.Live(_f.ValidatedPlan());
        Assert.Equal(1, banned.ExitCode);
        var requests = _f.Exchange.Requests.Count;

        var next = _f.Robson.Run("execute", _f.ValidatedPlanWithoutNetwork(), "--client-id", "1", "--live", "--acknowledge-risk");

        Assert.Equal(1, next.ExitCode);
        Assert.Contains("not accepting requests from us until", next.Stdout + next.Stderr);
        Assert.Equal(requests, _f.Exchange.Requests.Count);
        Assert.Contains("blocked until", _f.Robson.Expect(0, "venue", "show", "bn", "--client-id", "1").Stdout);
    }

    /// <summary>
    /// An order is signed with the time it was marked SENT, so a -1021 is not retried with a new timestamp (that would
    /// move the moment after which it can no longer be placed): it is REJECTED, and the clock is measured again.
    /// </summary>
    [Fact]
    public void TimestampRejected1021_IsRejectedNotRetried_AndTheNextOrderMeasuresTheClockAgain()
    {
        _f.Exchange.InjectOrderFault(new FakeFault.TimestampRejected1021());
        var timeRequests = _f.Exchange.RequestCount("GET", "/api/v3/time");

        var run = _f.Live(_f.ValidatedPlan());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("REJECTED", _f.Action(run).GetProperty("details").GetProperty("status").GetString());
        Assert.Equal(1, _f.Exchange.OrderRequestCount);
        Assert.Empty(_f.Exchange.Orders);
        Assert.True(_f.Exchange.RequestCount("GET", "/api/v3/time") > timeRequests, "the server time was read");
        Assert.Equal(0, _f.Live(_f.ValidatedPlan()).ExitCode);
        Assert.Single(_f.EntryOrders);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-4)]
    public void ClockSkew_IsMeasuredFromServerTime_AndOrdersGoThrough(int seconds)
    {
        _f.Exchange.ClockOffset = TimeSpan.FromSeconds(seconds);

        var run = _f.Live(_f.ValidatedPlan());

        Assert.True(run.ExitCode == 0, run.ToString());
        _f.AssertProtectedOnce(Assert.Single(_f.EntryOrders));
    }

    [Fact]
    public void DryRunAndValidation_NeverSign_AndNeverLoadTheSecret()
    {
        _f.Robson.Environment.Remove("ROBSON_BN_API_SECRET");
        var plan = _f.ValidatedPlan();

        _f.Robson.Expect(0, "execute", plan, "--client-id", "1");

        Assert.DoesNotContain(_f.Exchange.Requests, r => r.ApiKey is not null);
        var live = _f.Robson.Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        Assert.Equal(2, live.ExitCode);
        Assert.Contains("ROBSON_BN_API_SECRET", live.Stderr);
    }
}
