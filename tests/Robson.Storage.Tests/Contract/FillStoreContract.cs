using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>Fills are money: the same venue trade is recorded once however often reconcile sees it, and amounts come back exactly.</summary>
public abstract class FillStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void RecordFill_TheSameVenueTradeTwice_IsRecordedOnce()
    {
        Store.InsertOrder(Order("c-1", Noon));

        Assert.True(Store.RecordFill(Fill("c-1", Noon), "trade-7"));
        Assert.False(OpenSecondStore().RecordFill(Fill("c-1", Noon), "trade-7"));

        Assert.Single(Store.FillsOfOrder(Tenant, "c-1"));
    }

    [Fact]
    public void RecordFill_WithoutATradeId_RecordsEveryFill()
    {
        Store.InsertOrder(Order("c-1", Noon));

        Assert.True(Store.RecordFill(Fill("c-1", Noon), null));
        Assert.True(Store.RecordFill(Fill("c-1", Noon), null));

        Assert.Equal(2, Store.FillsOfOrder(Tenant, "c-1").Count);
    }

    [Fact]
    public void RecordFill_TheSameTradeIdOnAnotherOrder_IsAnotherFill()
    {
        Store.InsertOrder(Order("c-1", Noon));
        Store.InsertOrder(Order("c-2", Noon));

        Assert.True(Store.RecordFill(Fill("c-1", Noon), "trade-7"));
        Assert.True(Store.RecordFill(Fill("c-2", Noon), "trade-7"));
    }

    [Fact]
    public void FillsOfOrder_ExactAmounts_OldestFirst()
    {
        Store.InsertOrder(Order("c-1", Noon));
        var late = Fill("c-1", Noon.AddSeconds(2), price: "56000.000000000001");
        var early = Fill("c-1", Noon.AddSeconds(1), price: "0.00000001");
        Store.RecordFill(late, "t2");
        Store.RecordFill(early, "t1");

        Assert.Equal([early, late], Store.FillsOfOrder(Tenant, "c-1"));
    }
}
