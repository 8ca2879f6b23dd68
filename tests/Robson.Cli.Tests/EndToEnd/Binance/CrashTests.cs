using System.Diagnostics;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// SIGKILL the robson process right after its order reaches the exchange and before the answer is stored,
/// then reconcile; fifty times. Zero duplicates, zero orders without a record, and the limits count them all.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Runs = 50;
    private readonly BinanceFixture _f = new(maxOrders: Runs.ToString());

    /// <summary>
    /// The fixture's 1-second request timeout and recvWindow, widened: on a loaded 2-core CI machine an order once took
    /// longer than that to reach the fake exchange, which then refused it as outside its recvWindow (NOT_PLACED, rightly),
    /// so that run never reached the crash this test is about.
    /// </summary>
    private static readonly Dictionary<string, string> Patient = new(BinanceFixture.Environment)
    {
        ["ROBSON_VENUE_TIMEOUT_MS"] = "15000",
        ["ROBSON_VENUE_RECV_WINDOW_MS"] = "15000",
    };

    public CrashTests()
    {
        foreach (var (name, value) in Patient) _f.Robson.Environment[name] = value;
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public void KilledAfterTheOrderReachedTheExchange_ReconcileRecordsIt_EveryTime()
    {
        Process? running = null;
        _f.Exchange.AfterOrderPlaced = async order =>
        {
            if (BinanceFixture.IsProtective(order.ClientOrderId)) return; // placed by reconcile, after the crash
            running!.Kill(); // SIGKILL: no cleanup, no answer stored
            await running.WaitForExitAsync();
        };

        for (var i = 0; i < Runs; i++)
        {
            var plan = _f.ValidatedPlan();
            using (running = RobsonProcess.Start(_f.Robson.Home, Patient, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk"))
            {
                Assert.True(running.WaitForExit(TimeSpan.FromSeconds(60)), "robson did not end");
                Assert.NotEqual(0, running.ExitCode);
                // An execution that ended before its order left says why (a run once ended so under load on CI).
                Assert.True(_f.EntryOrders.Count == i + 1,
                    $"run {i + 1}: robson exited {running.ExitCode} and the exchange has {_f.EntryOrders.Count} entries\n" +
                    running.StandardOutput.ReadToEnd() + running.StandardError.ReadToEnd());
            }
            Assert.Equal(i, _f.ProtectiveOrders.Count); // the killed run never saw its fill, so nothing protects it yet

            var reconcile = _f.Robson.Run("reconcile", "--client-id", "1");
            Assert.True(reconcile.ExitCode == 0, reconcile.ToString());
            Assert.Contains("SENT -> FILLED", reconcile.Stdout);
            _f.AssertProtectedOnce(_f.EntryOrders[i]); // reconcile placed the missing protective order
        }

        _f.Exchange.AfterOrderPlaced = null;
        _f.AssertAtMostOnce();
        var report = _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal(Runs, report.GetProperty("orders").GetInt32());
        var overLimit = _f.Live(_f.ValidatedPlan());
        Assert.Equal(1, overLimit.ExitCode);
        Assert.Contains(overLimit.Json.GetProperty("guards").EnumerateArray(),
            g => g.GetProperty("name").GetString() == "ExecutionLimits" && !g.GetProperty("passed").GetBoolean());
        Assert.Equal(Runs, _f.EntryOrders.Count);
        Assert.Equal(Runs, _f.ProtectiveOrders.Count);
    }
}
