using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary><c>robson plan rebalance</c>: legs from balances and prices, sells first, every symbol rule respected.</summary>
public sealed class RebalanceTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Rebalance_PlansSellsBeforeBuys_ShowsTheAllocation_AndExecutesLive()
    {
        var strategy = _robson.CreateLiveStrategy(maxPosition: "60");
        _robson.Expect(0, "paper", "deposit", "ETH", "2", "--client-id", "1"); // 10,000 USDT + 6,000 in ETH

        var plan = _robson.Expect(0, "plan", "rebalance", "--target", "BTC:50,ETH:20,USDT:30", "--client-id", "1",
            "--strategy-id", strategy, "--json").Json;

        var legs = plan.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal("rebalance", plan.GetProperty("kind").GetString());
        Assert.Equal(["SELL ETHUSDT", "BUY BTCUSDT"], legs.Select(l => l.GetProperty("side").GetString() + " " + l.GetProperty("symbol").GetString()));
        Assert.Equal(0.9333m, legs[0].GetProperty("quantity").GetDecimal()); // 2 − 16,000 × 20 % / 3,000 = 0.93333…, down to the 0.0001 step
        Assert.Equal(0.13333m, legs[1].GetProperty("quantity").GetDecimal()); // 16,000 × 50 % / 60,000, down to the 0.00001 step
        var allocation = plan.GetProperty("allocation").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!);
        Assert.Equal(37.5m, allocation["ETH"].GetProperty("current_percent").GetDecimal());
        Assert.Equal(50m, allocation["BTC"].GetProperty("target_percent").GetDecimal());

        var planId = plan.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", planId, "--client-id", "1");
        var run = _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");
        Assert.Equal(2, run.Json.GetProperty("actions").GetArrayLength());
        Assert.Equal(2, _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }

    [Fact]
    public void Rebalance_CountsEveryLegAgainstTheOrderLimit()
    {
        var strategy = _robson.CreateLiveStrategy(maxOrders: "1", maxPosition: "60");
        _robson.Expect(0, "paper", "deposit", "ETH", "2", "--client-id", "1");
        var planId = _robson.Expect(0, "plan", "rebalance", "--target", "BTC:50,ETH:20,USDT:30", "--client-id", "1",
            "--strategy-id", strategy, "--json").Json.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", planId, "--client-id", "1");

        var run = _robson.Expect(1, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");

        Assert.Contains("Max orders limit: 0 today + 2 planned > 1", run.Stdout);
    }

    [Theory]
    [InlineData("BTC:50,ETH:30")]
    [InlineData("BTC:50,BTC:50")]
    [InlineData("BTC:-10,USDT:110")]
    [InlineData("DOGE:50,USDT:50")]
    [InlineData("BTC50,USDT:50")]
    public void Rebalance_WithBadTargets_IsAUsageError(string targets)
    {
        var strategy = _robson.CreateLiveStrategy();
        _robson.Expect(2, "plan", "rebalance", "--target", targets, "--client-id", "1", "--strategy-id", strategy);
    }
}
