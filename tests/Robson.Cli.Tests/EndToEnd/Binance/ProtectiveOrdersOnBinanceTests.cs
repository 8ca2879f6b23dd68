using System.Diagnostics;
using System.Text.Json;
using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;
using FakeStatus = Robson.Cli.Tests.Support.FakeBinance.OrderStatus;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// Protective orders end to end through the CLI on the fake Binance (BTCUSDT mid 60,000, fees 0.1 % taken in BTC on buys):
/// a filled BUY with a stop-loss leaves one STOP_LOSS_LIMIT on the exchange for what was bought net of the fee; the mid
/// falling through it sells and reconcile records the loss; a take-profit makes an OCO; a resting entry filling in parts is
/// protected for what filled; a refused stop leaves the execution UNPROTECTED until <c>robson protect</c>; and a process
/// killed between the entry (or its stop) reaching the exchange and its answer being stored leaves, after reconcile, exactly
/// one stop per filled entry.
/// </summary>
public sealed class ProtectiveOrdersOnBinanceTests : IDisposable
{
    private readonly BinanceFixture _f = new(maxOrders: "300");

    public void Dispose() => _f.Dispose();

    private static JsonElement[] Details(CliRun run) => [.. run.Json.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("details"))];

    private static string S(JsonElement details, string name) => details.TryGetProperty(name, out var value) ? value.ToString() : "";

    private string Plan(params string[] args)
    {
        var plan = _f.Robson.Plan("1", [.. args, "--venue", "bn", "--strategy-id", _f.StrategyId]);
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        return plan;
    }

    private FakeOrder[] Stops() => [.. _f.Exchange.Orders.Where(o => o.Type == "STOP_LOSS_LIMIT")];

    /// <summary>A market BUY of 0.01 BTC with a stop-loss at 58,000, filled; returns the entry's client order id.</summary>
    private (string Entry, CliRun Run) ProtectedBuy(params string[] extra)
    {
        var run = _f.Live(Plan(["buy", "BTCUSDT", "0.01", "--stop-loss", "58000", .. extra]));
        Assert.True(run.ExitCode == 0, run.ToString());
        var entry = Details(run)[0];
        Assert.Equal("FILLED", S(entry, "outcome"));
        return (S(entry, "client_order_id"), run);
    }

    [Fact]
    public void AFilledBuy_LeavesExactlyOneStopLossLimitOnTheExchange_ForTheQuantityNetOfTheFee()
    {
        var (entry, run) = ProtectedBuy();

        Assert.Equal("PROTECTED", S(Details(run)[0], "protection"));
        var stop = Assert.Single(Stops());
        // 0.01 bought, 0.00001 BTC fee: 0.00999 held; stop 58000, limit 0.5 % under it.
        Assert.Equal((entry + "-p1", "SELL", "GTC", 0.00999m, 58000m, 57710m, FakeStatus.New, false),
            (stop.ClientOrderId, stop.Side, stop.TimeInForce, stop.Quantity, stop.StopPrice, stop.Price, stop.Status, stop.IsWorking));
        Assert.Equal(0.00999m, _f.Exchange.Balance("BTC").Locked);
        Assert.Equal(2, _f.Exchange.Orders.Count);
        Assert.Contains("PROTECTIVE_STOP", _f.Robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);

        _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        _f.Robson.Expect(0, "protect", "--client-id", "1", "--order", entry);
        Assert.Single(Stops()); // neither places a second one
        _f.AssertAtMostOnce();
    }

    [Fact]
    public void TheMidFallingThroughTheStop_Sells_AndReconcileRecordsTheFillAndTheLoss()
    {
        var (entry, _) = ProtectedBuy();

        _f.Exchange.SetMid("BTCUSDT", 57950m);
        Assert.Equal(FakeStatus.Filled, _f.Exchange.FindOrder(entry + "-p1")!.Status);

        var reconciled = _f.Robson.Expect(0, "reconcile", "--client-id", "1");

        Assert.Contains($"{entry}-p1  ACKED -> FILLED", reconciled.Stdout);
        Assert.Contains("No open orders", _f.Robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);
        var report = _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.True(report.GetProperty("realised_pnl").GetDecimal() < -15m, report.ToString()); // ~0.01 × (60000 − 57950) plus fees
        Assert.True(report.GetProperty("realised_loss").GetDecimal() > 0, report.ToString());
        Assert.Single(Stops());
    }

    [Fact]
    public void WithATakeProfit_AnOcoIsPlaced_TheTakeProfitFills_TheStopExpires_AndNothingStaysOpen()
    {
        var (entry, run) = ProtectedBuy("--take-profit", "62000");

        var oco = Details(run)[1];
        Assert.Equal(("PROTECTIVE_OCO", entry + "-p1", "RESTING"), (S(oco, "role"), S(oco, "client_order_id"), S(oco, "outcome")));
        var sl = _f.Exchange.FindOrder(entry + "-p1-sl")!;
        var tp = _f.Exchange.FindOrder(entry + "-p1-tp")!;
        Assert.Equal(("STOP_LOSS_LIMIT", 58000m, 57710m, 0.00999m), (sl.Type, sl.StopPrice, sl.Price, sl.Quantity));
        Assert.Equal(("LIMIT_MAKER", 62000m, 0.00999m), (tp.Type, tp.Price, tp.Quantity));
        Assert.Equal(sl.OrderListId, tp.OrderListId);

        _f.Exchange.SetMid("BTCUSDT", 62000m);
        var reconciled = _f.Robson.Expect(0, "reconcile", "--client-id", "1");

        Assert.Contains($"{entry}-p1  ACKED -> FILLED", reconciled.Stdout);
        Assert.Equal((FakeStatus.Filled, FakeStatus.Expired), (_f.Exchange.FindOrder(entry + "-p1-tp")!.Status, _f.Exchange.FindOrder(entry + "-p1-sl")!.Status));
        Assert.DoesNotContain(_f.Exchange.Orders, o => o.IsOpen);
        Assert.Contains("No open orders", _f.Robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);
        Assert.True(_f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("realised_pnl").GetDecimal() > 0);
    }

    [Fact]
    public void ARestingEntryFillingInParts_IsProtectedForWhatFilled_ThenForAll()
    {
        var run = _f.Live(Plan("buy", "BTCUSDT", "0.01", "--limit", "59000", "--stop-loss", "58000"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var entry = S(Details(run)[0], "client_order_id");
        Assert.Equal("RESTING", S(Details(run)[0], "outcome"));
        Assert.Empty(Stops()); // nothing bought, nothing to protect

        _f.Exchange.FillOrder(entry, 0.004m);
        var first = _f.Robson.Expect(0, "reconcile", "--client-id", "1");

        Assert.Contains($"protect    {entry}-p1", first.Stdout);
        var p1 = Assert.Single(Stops());
        Assert.Equal((entry + "-p1", 0.00399m, 58000m), (p1.ClientOrderId, p1.Quantity, p1.StopPrice)); // 0.004 less the 0.000004 fee, floored to the step

        _f.Exchange.FillOrder(entry);
        _f.Robson.Expect(0, "reconcile", "--client-id", "1");

        var open = Assert.Single(Stops(), s => s.IsOpen);
        Assert.Equal(entry + "-p2", open.ClientOrderId);
        // Held: 0.01 less 0.00001 fee = 0.00999, rounded down once (not the old stop's floored 0.00399 plus the later fill floored again).
        Assert.Equal(0.00999m, open.Quantity);
        Assert.Equal(FakeStatus.Canceled, _f.Exchange.FindOrder(entry + "-p1")!.Status);
        _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Equal(2, Stops().Length); // a second pass replaces nothing
        _f.AssertAtMostOnce();
    }

    [Fact]
    public void ARejectedStop_EndsUnprotected_WithTheProtectCommand_WhichPlacesItOnceTheCauseIsGone()
    {
        _f.Exchange.AfterOrderPlaced = order =>
        {
            if (order.Type == "MARKET" || order.Type == "LIMIT") _f.Exchange.InjectOrderFault(FakeFault.Rejected400()); // the stop that follows is refused
            return Task.CompletedTask;
        };

        var run = _f.Live(Plan("buy", "BTCUSDT", "0.01", "--stop-loss", "58000"));
        _f.Exchange.AfterOrderPlaced = null;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("UNPROTECTED", run.Json.GetProperty("status").GetString());
        var entry = S(Details(run)[0], "client_order_id");
        Assert.Equal(("FILLED", "UNPROTECTED"), (S(Details(run)[0], "outcome"), S(Details(run)[0], "protection")));
        Assert.Equal(("PROTECTIVE_STOP", "REJECTED"), (S(Details(run)[1], "role"), S(Details(run)[1], "outcome")));
        var notice = Assert.Single(run.Json.GetProperty("notices").EnumerateArray().Select(n => n.GetString()!), n => n.Contains("UNPROTECTED"));
        Assert.Contains($"robson protect --client-id 1 --order {entry}", notice);
        Assert.Empty(Stops());
        Assert.Contains("PROTECTION_FAILED", _f.Robson.Expect(0, "audit", "list", "--client-id", "1").Stdout);

        var protect = _f.Robson.Expect(0, "protect", "--client-id", "1", "--order", entry);

        Assert.Contains("PROTECTION: PROTECTED", protect.Stdout);
        var stop = Assert.Single(Stops());
        Assert.Equal((entry + "-p2", 0.00999m, 58000m, FakeStatus.New), (stop.ClientOrderId, stop.Quantity, stop.StopPrice, stop.Status));
        _f.AssertAtMostOnce();
    }

    [Fact]
    public void OnProtectionFailureClose_SellsThePositionAtMarket_WhenTheStopIsRejected()
    {
        var strategy = _f.Robson.CreateLiveStrategy(extra: ["--on-protection-failure", "close"]);
        var plan = _f.Robson.Plan("1", "buy", "BTCUSDT", "0.01", "--venue", "bn", "--strategy-id", strategy, "--stop-loss", "58000");
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        _f.Exchange.AfterOrderPlaced = order =>
        {
            if (order.Side == "BUY") _f.Exchange.InjectOrderFault(FakeFault.Rejected400());
            return Task.CompletedTask;
        };

        var run = _f.Live(plan);
        _f.Exchange.AfterOrderPlaced = null;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("UNPROTECTED", run.Json.GetProperty("status").GetString());
        var close = Assert.Single(Details(run), d => S(d, "role") == "CLOSE");
        Assert.Equal(("FILLED", "0.00999"), (S(close, "outcome"), S(close, "executed_quantity")));
        var sold = Assert.Single(_f.Exchange.Orders, o => o.Side == "SELL");
        Assert.Equal((FakeStatus.Filled, 0.00999m), (sold.Status, sold.ExecutedQty));
        Assert.Equal((10m, 0m), (_f.Exchange.Balance("BTC").Free, _f.Exchange.Balance("BTC").Locked)); // the fake's 10 BTC, nothing more held
    }

    [Fact]
    public void SellingAPositionProtectedByAnOco_CancelsTheListFirst_ThenSells_AndPlacesNoNewProtection()
    {
        var (entry, _) = ProtectedBuy("--take-profit", "62000");

        var planned = _f.Robson.Expect(0, "plan", "sell", "BTCUSDT", "0.00999", "--venue", "bn", "--strategy-id", _f.StrategyId, "--client-id", "1", "--json").Json;
        var legs = planned.GetProperty("legs").EnumerateArray().Select(l => l.ToString()).ToArray();
        Assert.True(legs.Length == 2 && legs[0].Contains(entry + "-p1") && !legs[1].Contains(entry + "-p1"), planned.ToString());
        var plan = planned.GetProperty("plan_id").GetString()!;
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");

        var run = _f.Live(plan);

        Assert.True(run.ExitCode == 0, run.ToString());
        var details = Details(run);
        Assert.Equal((entry + "-p1", "CANCELED"), (S(details[0], "client_order_id"), S(details[0], "status")));
        Assert.Equal("FILLED", S(details[1], "outcome"));
        Assert.Equal((FakeStatus.Canceled, FakeStatus.Canceled), (_f.Exchange.FindOrder(entry + "-p1-sl")!.Status, _f.Exchange.FindOrder(entry + "-p1-tp")!.Status));
        Assert.DoesNotContain(_f.Exchange.Orders, o => o.IsOpen);
        Assert.Null(_f.Exchange.FindOrder(entry + "-p2-sl"));
        Assert.Equal((10m, 0m), (_f.Exchange.Balance("BTC").Free, _f.Exchange.Balance("BTC").Locked));
        _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.DoesNotContain(_f.Exchange.Orders, o => o.IsOpen); // reconcile does not protect a position that was sold
    }

    [Fact]
    public void KilledAfterTheEntryOrItsStopReachedTheExchange_ReconcileLeavesExactlyOneStopPerFilledEntry()
    {
        const int runs = 50;
        Process? running = null;
        var killAt = "entry";
        _f.Exchange.AfterOrderPlaced = async order =>
        {
            var isStop = order.Type == "STOP_LOSS_LIMIT";
            if (killAt == "entry" ? isStop : !isStop) return;
            running!.Kill(); // SIGKILL: no cleanup, no answer stored
            await running.WaitForExitAsync();
        };

        for (var i = 0; i < runs; i++)
        {
            killAt = i % 2 == 0 ? "entry" : "stop"; // even runs die before the stop is sent, odd ones before its answer is stored
            var plan = _f.ValidatedPlan();
            using (running = RobsonProcess.Start(_f.Robson.Home, BinanceFixture.Environment, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk"))
            {
                Assert.True(running.WaitForExit(TimeSpan.FromSeconds(60)), "robson did not end");
                Assert.NotEqual(0, running.ExitCode);
            }

            var reconcile = _f.Robson.Run("reconcile", "--client-id", "1");
            Assert.True(reconcile.ExitCode == 0, $"run {i} ({killAt}): {reconcile}");
            AssertOneStopPerFilledEntry($"run {i} ({killAt}), after reconcile:\n{reconcile.Stdout}");
        }

        _f.Exchange.AfterOrderPlaced = null;
        _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        AssertOneStopPerFilledEntry("after a last reconcile");
        Assert.Equal(runs, _f.Exchange.Orders.Count(o => o.Side == "BUY"));
        _f.AssertAtMostOnce();
    }

    private void AssertOneStopPerFilledEntry(string when)
    {
        var orders = _f.Exchange.Orders;
        foreach (var entry in orders.Where(o => o.Side == "BUY" && o.ExecutedQty > 0))
        {
            var stops = orders.Where(o => o.Type == "STOP_LOSS_LIMIT" && o.ClientOrderId.StartsWith(entry.ClientOrderId + "-p", StringComparison.Ordinal)).ToList();
            Assert.True(stops.Count == 1 && stops[0].IsOpen,
                $"{when}\n{entry.ClientOrderId} has {stops.Count} stop(s): {string.Join(", ", stops.Select(s => $"{s.ClientOrderId} {s.Status}"))}");
            Assert.Equal(0.00099m, stops[0].Quantity); // 0.001 less the 0.000001 fee, floored to the step
        }
    }
}
