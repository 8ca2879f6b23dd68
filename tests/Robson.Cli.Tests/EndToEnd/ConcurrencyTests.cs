using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Daily limits hold across OS processes: the check and the reservation are one transaction.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void TwoProcessesExecutingLive_RecordExactlyMaxOrdersPerDay()
    {
        const int maxOrders = 4;
        const int plansPerProcess = 5;
        // The child processes read the real clock, so plan and validate on it too.
        _robson.Clock.Now = DateTimeOffset.UtcNow;
        var strategy = _robson.CreateLiveStrategy(maxOrders: maxOrders.ToString());
        var plans = Enumerable.Range(0, 2 * plansPerProcess)
            .Select(_ => _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01")).ToList();

        var workers = Enumerable.Range(0, 2).Select(worker => Task.Run(() =>
            plans.Skip(worker * plansPerProcess).Take(plansPerProcess)
                .Select(plan => RobsonProcess.Run(_robson.Home, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json"))
                .ToList())).ToArray();
        var runs = workers.SelectMany(w => w.Result).ToList();

        Assert.All(runs, run => Assert.True(run.ExitCode is 0 or 1, run.ToString()));
        Assert.Equal(maxOrders, runs.Count(r => r.ExitCode == 0));
        Assert.All(runs.Where(r => r.ExitCode == 1), r =>
            Assert.Contains(r.Json.GetProperty("guards").EnumerateArray(),
                g => g.GetProperty("name").GetString() == "ExecutionLimits" && !g.GetProperty("passed").GetBoolean()));
        _robson.Clock.Now = DateTimeOffset.UtcNow;
        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal(maxOrders, report.GetProperty("orders").GetInt32());
        var btc = _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances")
            .EnumerateArray().Single(b => b.GetProperty("asset").GetString() == "ETH") is var eth
            ? eth.GetProperty("free").GetDecimal() + eth.GetProperty("locked").GetDecimal() // held: free, or locked by protective stops
            : 0m;
        Assert.Equal(maxOrders * 0.01m, btc);
    }
}
