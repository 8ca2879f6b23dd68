using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// An order is recorded with every one of its fills: myTrades answers at most 1,000 trades at a time, so they are paged
/// until they add up to what the order executed; a FULL answer listing fewer fills is completed from them; fills without
/// a trade id are all kept; and an order whose trades the venue does not list in full is not closed on fewer.
/// </summary>
public sealed class CompleteFillsTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    private const string Quantity = "0.012"; // 1,200 steps of 0.00001 BTC, all within the best ask's level

    private string Status(CliRun run) => _f.Action(run).GetProperty("details").GetProperty("status").GetString()!;

    private (int Fills, decimal Executed) Recorded(CliRun run)
    {
        var report = _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        using var store = Storage.Sqlite.SqliteStore.Open(_f.Robson.Home, createIfMissing: false);
        var clientOrderId = _f.Action(run).GetProperty("details").GetProperty("client_order_id").GetString()!;
        return (report.GetProperty("fills").GetInt32(), store.FindOrder(Core.Domain.ClientId.From(1), clientOrderId)!.ExecutedQuantity);
    }

    [Fact]
    public void AnOrderFilledBy1200Trades_WhoseAnswerListsFewer_IsRecordedWhole()
    {
        _f.Exchange.InjectExecution(new FakeExecution(Trades: 1200, FillsInAnswer: 100));

        var run = _f.Live(_f.ValidatedPlan(quantity: Quantity));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("FILLED", Status(run));
        var entry = Assert.Single(_f.EntryOrders);
        Assert.Equal(1200, entry.Fills.Count);
        _f.AssertProtectedOnce(entry);
        Assert.Equal((1200, 0.012m), Recorded(run));
        Assert.Equal(2, _f.Exchange.RequestCount("GET", "/api/v3/myTrades")); // two pages of at most 1,000
    }

    /// <summary>Before: the lookup read one page of 500 trades, and the order was closed FILLED on 0.005 of 0.012.</summary>
    [Fact]
    public void AnOrderFilledBy1200Trades_FoundByLookup_IsRecordedWhole()
    {
        _f.Exchange.InjectExecution(new FakeExecution(Trades: 1200));
        _f.Exchange.InjectOrderFault(FakeFault.Error500(placesOrder: true));

        var run = _f.Live(_f.ValidatedPlan(quantity: Quantity));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("FILLED", Status(run));
        Assert.Equal((1200, 0.012m), Recorded(run));
    }

    [Fact]
    public void FillsWithoutTradeIds_AreAllRecorded()
    {
        _f.Exchange.InjectExecution(new FakeExecution(Trades: 5, OmitTradeIds: true));

        var run = _f.Live(_f.ValidatedPlan(quantity: Quantity));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((5, 0.012m), Recorded(run));
        Assert.Equal(0, _f.Exchange.RequestCount("GET", "/api/v3/myTrades")); // the answer's fills add up: nothing else to read
        var reconcile = _f.Robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Equal((5, 0.012m), Recorded(run)); // and never twice
        Assert.DoesNotContain("FILLED", reconcile.Stdout);
    }

    [Fact]
    public void AnOrderWhoseTradesTheVenueListsShort_IsNotClosed_ButLeftForReconcile()
    {
        _f.Exchange.InjectExecution(new FakeExecution(Trades: 1200, FillsInAnswer: 100, TradesListed: 700));

        var run = _f.Live(_f.ValidatedPlan(quantity: Quantity));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("UNKNOWN", Status(run));
        Assert.Contains("0.007 of its executed 0.012", _f.Action(run).GetProperty("details").GetProperty("reason").GetString());
        var reconcile = _f.Robson.Run("reconcile", "--client-id", "1");
        Assert.Contains("0.007 of its executed 0.012", reconcile.Stdout + reconcile.Stderr);
        Assert.Equal(1, _f.Robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32()); // still counted
    }
}
