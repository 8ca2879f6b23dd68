using Robson.Core.Execution;
using Robson.Core.Ports;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>The paper venue's state: its prices, each tenant's free balances and its own book of orders and what they lock.</summary>
public abstract class PaperLedgerContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void SetPrice_OverridesTheSymbolsPrice_TheLatestWins()
    {
        Assert.Null(Store.PriceOverride(Btc));

        Store.SetPrice(Btc, D("56000.5"), Noon);
        Store.SetPrice(Btc, D("0.00000001"), Noon.AddSeconds(1));

        Assert.Equal(D("0.00000001"), Store.PriceOverride(Btc));
        Assert.Null(Store.PriceOverride(Eth));
    }

    [Fact]
    public void Balances_NullUntilFunded_ThenEachAssetAsLastSet()
    {
        Assert.Null(Store.Balances(Tenant));

        Store.SetBalance(Tenant, "USDT", D("1000"));
        Store.SetBalance(Tenant, "BTC", D("0.5"));
        Store.SetBalance(Tenant, "USDT", D("899.123456789012345678"));

        var balances = Store.Balances(Tenant)!;
        Assert.Equal(D("899.123456789012345678"), balances["USDT"]);
        Assert.Equal(D("0.5"), balances["BTC"]);
        Assert.Equal(2, balances.Count);
    }

    [Fact]
    public void FindPaperOrder_ReturnsTheOrderAsRecorded()
    {
        var order = PaperOrder("p-1", Noon) with
        {
            StopPrice = D("49000.5"), Fills = [new VenueFill(D("50000.01"), D("0.001"), D("0.000001"), "BTC", "paper-t1")], Triggered = true,
            Status = OrderStatus.PartiallyFilled, Reason = "partly",
        };
        Store.RecordPaperOrder(order);

        var found = Store.FindPaperOrder(Tenant, "p-1")!;

        Assert.Equal(order with { Fills = found.Fills }, found);
        Assert.Equal(order.Fills, found.Fills);
    }

    [Fact]
    public void UpdatePaperOrder_WritesStatusFillsAndLock()
    {
        Store.RecordPaperOrder(PaperOrder("p-1", Noon));

        Store.UpdatePaperOrder(PaperOrder("p-1", Noon, status: OrderStatus.Filled, lockedAsset: null, locked: 0m) with
            { Fills = [new VenueFill(D("50250.25"), D("0.002"), D("0.000002"), "BTC")] });

        var found = Store.FindPaperOrder(Tenant, "p-1")!;
        Assert.Equal((OrderStatus.Filled, 0m, D("0.002")), (found.Status, found.Locked, found.ExecutedQuantity));
        Assert.Empty(Store.RestingPaperOrders(Tenant, null));
        Assert.Empty(Store.PaperLocked(Tenant));
    }

    [Fact]
    public void RestingPaperOrders_OnlyThoseOnTheBook_OldestFirst_ByTenantAndSymbol()
    {
        Store.RecordPaperOrder(PaperOrder("late", Noon.AddSeconds(2)));
        Store.RecordPaperOrder(PaperOrder("early", Noon.AddSeconds(1), status: OrderStatus.PartiallyFilled));
        Store.RecordPaperOrder(PaperOrder("filled", Noon, status: OrderStatus.Filled, locked: 0m));
        Store.RecordPaperOrder(PaperOrder("eth", Noon, symbol: Eth));
        Store.RecordPaperOrder(PaperOrder("others", Noon.AddSeconds(3), tenant: OtherTenant));
        Store.RecordPaperOrder(PaperOrder("oco-list", Noon, type: Core.Domain.OrderType.Oco));

        Assert.Equal(["early", "late"], Store.RestingPaperOrders(Tenant, Btc).Select(o => o.ClientOrderId));
        Assert.Equal(["eth", "early", "late", "others"], Store.RestingPaperOrders(null, null).Select(o => o.ClientOrderId));
    }

    [Fact]
    public void PaperLocked_SumsWhatRestingOrdersLock_ByAsset()
    {
        Store.RecordPaperOrder(PaperOrder("a", Noon, locked: D("100.25")));
        Store.RecordPaperOrder(PaperOrder("b", Noon, locked: D("0.75")));
        Store.RecordPaperOrder(PaperOrder("c", Noon, lockedAsset: "BTC", locked: D("0.001")));
        Store.RecordPaperOrder(PaperOrder("d", Noon, tenant: OtherTenant, locked: D("5")));

        var locked = Store.PaperLocked(Tenant);

        Assert.Equal(D("101"), locked["USDT"]);
        Assert.Equal(D("0.001"), locked["BTC"]);
        Assert.Equal(2, locked.Count);
    }

    [Fact]
    public void PaperListLegs_TheLegsOfAnOco_InTheOrderPlaced()
    {
        Store.RecordPaperOrder(PaperOrder("list", Noon, type: Core.Domain.OrderType.Oco));
        Store.RecordPaperOrder(PaperOrder("list-tp", Noon, listId: "list", locked: 0m));
        Store.RecordPaperOrder(PaperOrder("list-sl", Noon, listId: "list", locked: 0m));

        Assert.Equal(["list-tp", "list-sl"], Store.PaperListLegs(Tenant, "list").Select(o => o.ClientOrderId));
    }
}
