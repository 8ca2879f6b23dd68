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
}
