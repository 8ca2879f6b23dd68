using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// The whole resting-order flow rehearsed offline on the paper venue: a LIVE GTC limit below the market rests, reconcile
/// leaves it open, <c>paper set-price</c> fills it, and reconcile then records it FILLED with its one fill.
/// </summary>
public sealed class PaperRestingOrderTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private string RestingBuyPlaced()
    {
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--limit", "2950", "--stop-loss", "2850");
        var run = _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");
        var action = run.Json.GetProperty("actions").EnumerateArray().Single();
        Assert.Equal("ACKED", action.GetProperty("details").GetProperty("status").GetString());
        return action.GetProperty("details").GetProperty("client_order_id").GetString()!;
    }

    private System.Text.Json.JsonElement Balance(string asset) =>
        _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
            .Single(b => b.GetProperty("asset").GetString() == asset);

    [Fact]
    public void LiveGtcLimitBelowTheMarket_Rests_ThenSetPriceFillsIt_AndReconcileRecordsTheFill()
    {
        var orderId = RestingBuyPlaced();
        // 0.1 × 2950 and the 0.1 % fee on it are locked while the order rests.
        Assert.Equal((10_000m - 295.295m, 295.295m), (Balance("USDT").GetProperty("free").GetDecimal(), Balance("USDT").GetProperty("locked").GetDecimal()));
        Assert.Contains("(locked by resting orders: 295.295)", _robson.Expect(0, "paper", "balance", "--client-id", "1").Stdout);

        var unchanged = _robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Contains("0 resolved, 0 unresolved, 0 orphan(s)", unchanged.Stdout);
        Assert.Contains(orderId, _robson.Expect(0, "orders", "list", "--client-id", "1").Stdout);

        var moved = _robson.Expect(0, "paper", "set-price", "ETHUSDT", "2950");
        Assert.Contains($"  {orderId} BUY 0.1 ETHUSDT at 2950 FILLED (client 1)", moved.Stdout);

        var reconciled = _robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Contains($"resolved   {orderId}  ACKED -> FILLED  executed 0.1 ETHUSDT", reconciled.Stdout);
        // The entry is filled; what stays open is its protective stop (the plan has a stop-loss).
        var open = _robson.Expect(0, "orders", "list", "--client-id", "1").Stdout;
        Assert.DoesNotContain(orderId + " ", open);
        Assert.Contains($"{orderId}-p1", open);
        Assert.Contains("PROTECTIVE_STOP", open);
        _robson.Expect(0, "reconcile", "--client-id", "1"); // a second pass records the fill no second time
        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal((1, 295m, 0.295m), (report.GetProperty("fills").GetInt32(), report.GetProperty("notional").GetDecimal(), report.GetProperty("fees").GetDecimal()));
        // The ETH bought is locked by its protective stop; nothing in USDT is locked any more.
        Assert.Equal((0m, 0.1m, 0m), (Balance("ETH").GetProperty("free").GetDecimal(), Balance("ETH").GetProperty("locked").GetDecimal(),
            Balance("USDT").GetProperty("locked").GetDecimal()));
    }

    [Fact]
    public void SetPriceJson_ListsTheFills_AndEachFillIsAudited()
    {
        var orderId = RestingBuyPlaced();

        var json = _robson.Expect(0, "paper", "set-price", "ETHUSDT", "2900", "--json").Json;

        Assert.Equal((2900m, 3000m), (json.GetProperty("price").GetDecimal(), json.GetProperty("previous").GetDecimal()));
        var fill = json.GetProperty("fills").EnumerateArray().Single();
        Assert.Equal((1L, orderId, "BUY", 0.1m, 2950m, "FILLED", orderId + "-t1"),
            (fill.GetProperty("client_id").GetInt64(), fill.GetProperty("client_order_id").GetString(), fill.GetProperty("side").GetString(),
                fill.GetProperty("quantity").GetDecimal(), fill.GetProperty("price").GetDecimal(), fill.GetProperty("status").GetString(),
                fill.GetProperty("trade_ids").EnumerateArray().Single().GetString()));
        var audit = _robson.Expect(0, "audit", "list", "--client-id", "1").Stdout;
        Assert.Contains("PAPER_ORDER_FILLED", audit);
        _robson.Expect(0, "audit", "verify", "--all-tenants");
    }

    [Fact]
    public void SetPriceThatCrossesNothing_PrintsOnlyThePrice()
    {
        RestingBuyPlaced();

        var run = _robson.Expect(0, "paper", "set-price", "ETHUSDT", "2950.01");

        Assert.Equal("ETHUSDT mid price on paper is now 2950.01" + Environment.NewLine, run.Stdout);
        Assert.Empty(_robson.Expect(0, "paper", "set-price", "ETHUSDT", "2950.01", "--json").Json.GetProperty("fills").EnumerateArray());
    }
}
