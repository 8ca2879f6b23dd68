using System.Diagnostics;
using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// How each answer to an order is classified (BINANCE.md "Errors"): every 4XX, 429 and 418 included, was refused
/// (REJECTED, nothing looked up); every 5XX, -1006, -1007 and a timeout leave the outcome unknown, and the order is looked
/// up: found, its state; not found once its deadline (SENT + recvWindow + clock uncertainty) has passed, NOT_PLACED.
/// </summary>
public sealed class OrderOutcomeTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string Status(CliRun run) => _f.Action(run).GetProperty("details").GetProperty("status").GetString()!;

    public static TheoryData<string> Rejections => new() { "429", "418", "400" };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Every4XX_IsRejected_NotLookedUp(string answer)
    {
        _f.Exchange.InjectOrderFault(answer switch
        {
            "429" => new FakeFault.RateLimited429(RetryAfterSeconds: 1),
            "418" => new FakeFault.Banned418(RetryAfterSeconds: 1),
            _ => FakeFault.Rejected400(),
        });

        var run = _f.Live(_f.ValidatedPlan());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("REJECTED", Status(run));
        Assert.Empty(_f.Exchange.Orders);
        Assert.Equal(1, _f.Exchange.OrderRequestCount);
        Assert.Equal(0, _f.Exchange.RequestCount("GET", "/api/v3/order"));
        Assert.Equal(0, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }

    public static TheoryData<string, bool> UnknownOutcomes => new()
    {
        { "500", true }, { "500", false }, { "503", true }, { "503", false }, { "-1006", true }, { "-1006", false },
        { "-1007", true }, { "-1007", false }, { "408 -1007", true }, { "408 -1007", false }, { "timeout", true }, { "timeout", false },
    };

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public void Every5XX_1006_1007_AndTimeout_IsResolvedByLookup(string answer, bool placed)
    {
        _f.Exchange.InjectOrderFault(answer switch
        {
            "500" => FakeFault.Error500(placed),
            "503" => FakeFault.Busy503(placed),
            "-1006" => FakeFault.Unexpected1006(placed),
            "-1007" => FakeFault.Timeout1007(placed),
            "408 -1007" => FakeFault.Timeout1007(placed, httpStatus: 408),
            // Placed, then no answer; or so slow to reach the engine that the window passed first (never placed).
            _ => placed ? new FakeFault.TimeoutAfterPlacing(TimeSpan.FromSeconds(5)) : new FakeFault.ReachesEngineLate(TimeSpan.FromSeconds(3)),
        });

        var run = _f.Live(_f.ValidatedPlan());

        Assert.Equal(1, _f.EntryOrderRequestCount); // never re-sent
        if (placed)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("FILLED", Status(run));
            Assert.Contains("found on the venue by client order id", _f.Action(run).GetProperty("details").GetProperty("reason").GetString());
            _f.AssertProtectedOnce(Assert.Single(_f.EntryOrders));
            Assert.Equal(1, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
        }
        else
        {
            Assert.Equal(1, _f.Exchange.OrderRequestCount); // nothing bought, nothing to protect
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("NOT_PLACED", Status(run));
            Assert.Empty(_f.Exchange.Orders);
            Assert.Equal(0, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
        }
        _f.AssertAtMostOnce();
    }

    /// <summary>Before: UNKNOWN, and every further order on the symbol blocked until reconcile gave up on it (five minutes).</summary>
    [Fact]
    public void AfterA503ThatPlacedNothing_TheNextOrderOnTheSymbolGoesThrough()
    {
        _f.Exchange.InjectOrderFault(FakeFault.Busy503(placesOrder: false));
        var first = _f.Live(_f.ValidatedPlan());
        Assert.Equal("NOT_PLACED", Status(first));

        var next = _f.Live(_f.ValidatedPlan());

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("FILLED", Status(next));
        _f.AssertProtectedOnce(Assert.Single(_f.EntryOrders));
        Assert.Equal(1, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }

    /// <summary>
    /// An order that reaches the matching engine after its timestamp + recvWindow is not placed; Robson, whose request
    /// timed out, records it NOT_PLACED within recvWindow (1 s here) + 2 s, and the engine indeed never places it.
    /// </summary>
    [Fact]
    public void AnOrderThatNeverReachedTheEngine_IsRecordedNotPlaced_WithinTheWindowPlusTwoSeconds()
    {
        var plan = _f.ValidatedPlan();
        _f.Exchange.InjectOrderFault(new FakeFault.ReachesEngineLate(TimeSpan.FromSeconds(2.5)));

        var clock = Stopwatch.StartNew();
        var run = _f.Live(plan);
        var took = clock.Elapsed;

        Assert.Equal("NOT_PLACED", Status(run));
        Assert.True(took < TimeSpan.FromSeconds(3), $"recorded NOT_PLACED {took} after the execution started");
        var waited = Stopwatch.StartNew();
        while (_f.Exchange.OrdersRefusedByEngine == 0 && waited.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(50);
        Assert.Equal(1, _f.Exchange.OrdersRefusedByEngine);
        Assert.Empty(_f.Exchange.Orders);
    }
}
