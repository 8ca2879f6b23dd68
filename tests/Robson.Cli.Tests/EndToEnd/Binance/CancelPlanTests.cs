using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>A LIMIT order rests on the exchange; `plan cancel` cancels it like any plan, even while HALTED.</summary>
public sealed class CancelPlanTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void RestingOrder_IsListed_AndCanceledByAPlan_WhileHalted()
    {
        var plan = _f.Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--limit", "58200", "--stop-loss", "56000", "--venue", "bn", "--strategy-id", _f.StrategyId);
        _f.Robson.Expect(0, "validate", plan, "--client-id", "1");
        var placed = _f.Live(plan);
        Assert.True(placed.ExitCode == 0, placed.ToString());
        var clientOrderId = _f.Action(placed).GetProperty("details").GetProperty("client_order_id").GetString()!;
        Assert.Equal("ACKED", _f.Action(placed).GetProperty("details").GetProperty("status").GetString());
        Assert.Contains(clientOrderId, _f.Robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);

        _f.Robson.Expect(0, "halt", "--client-id", "1", "--reason", "stop everything");
        var cancel = _f.Robson.Expect(0, "plan", "cancel", "--order", clientOrderId, "--client-id", "1", "--json").Json.GetProperty("plan_id").GetString()!;
        _f.Robson.Expect(0, "validate", cancel, "--client-id", "1");
        var run = _f.Live(cancel);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("CANCELED", _f.Exchange.FindOrder(clientOrderId)!.Status);
        Assert.Contains("No open orders", _f.Robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);
        Assert.Equal(2, _f.Robson.Run("plan", "cancel", "--order", clientOrderId, "--client-id", "1").ExitCode);
    }

    /// <summary>
    /// Taking an order off the book only reduces risk, so a cancel passes every guard but TenantContext and
    /// Acknowledgement: not stopped by an order of unknown outcome on its symbol, by a strategy whose allowed
    /// plan kinds leave cancels out, or by the lack of a validation.
    /// </summary>
    /// <remarks>
    /// The order of unknown outcome must stay UNKNOWN through the reconcile that runs before the cancel: it is sent with
    /// Binance's largest recvWindow (60 s, so its deadline is far off) and its lookups fail, so neither the execution
    /// nor that reconcile can settle it.
    /// </remarks>
    [Fact]
    public void Cancel_PassesEveryGuardButTenantAndAcknowledgement_WithAnUnknownOrderOnTheSymbol_UnderAStrategyWithoutCancels()
    {
        _f.Robson.Environment["ROBSON_VENUE_RECV_WINDOW_MS"] = "60000";
        var resting = _f.Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--limit", "58200", "--stop-loss", "56000", "--venue", "bn", "--strategy-id", _f.StrategyId);
        _f.Robson.Expect(0, "validate", resting, "--client-id", "1");
        var placed = _f.Live(resting);
        Assert.True(placed.ExitCode == 0, placed.ToString());
        var clientOrderId = _f.Action(placed).GetProperty("details").GetProperty("client_order_id").GetString()!;
        _f.Exchange.InjectOrderFault(new FakeFault.Unavailable503()); // not placed, but Robson cannot know: UNKNOWN until reconciled
        var plan = _f.ValidatedPlan();
        _f.Exchange.FailLookupsOfUnknownOrders = true; // its lookups fail; the resting order's do not
        var unknown = _f.Live(plan);
        _f.Exchange.FailLookupsOfUnknownOrders = false;
        Assert.Equal("UNKNOWN", _f.Action(unknown).GetProperty("details").GetProperty("status").GetString());
        var noCancels = _f.Robson.CreateLiveStrategy(extra: ["--allowed-plan-kinds", "buy,sell"]);

        var cancel = _f.Robson.Expect(0, "plan", "cancel", "--order", clientOrderId, "--strategy-id", noCancels, "--client-id", "1", "--json")
            .Json.GetProperty("plan_id").GetString()!;
        var run = _f.Live(cancel);

        Assert.True(run.ExitCode == 0, run.ToString());
        var guards = run.Json.GetProperty("guards").EnumerateArray().ToList();
        Assert.All(guards, g => Assert.True(g.GetProperty("passed").GetBoolean(), g.ToString()));
        Assert.Contains("cancel", guards.Single(g => g.GetProperty("name").GetString() == "UnresolvedOrders").GetProperty("message").GetString()!,
            StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cancel", guards.Single(g => g.GetProperty("name").GetString() == "Policy").GetProperty("message").GetString()!,
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal("CANCELED", _f.Exchange.FindOrder(clientOrderId)!.Status);
    }
}
