using Robson.Core.Execution;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// LIVE orders and their status changes. A status change is conditional (compare-and-set), so two processes settling the
/// same order never both win: that is what keeps an order from being sent twice.
/// </summary>
public abstract class OrderStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void FindOrder_ReturnsTheOrderAsRecorded()
    {
        var order = Order("c-1", Noon) with { Role = OrderRole.ProtectiveOco, Protects = "entry-1", VenueOrderId = "v-9" };
        Store.InsertOrder(order);

        var found = Store.FindOrder(Tenant, "c-1")!;

        Assert.Equal(order, found);
    }

    [Fact]
    public void UpdateOrder_RecordsTheVenuesAnswer()
    {
        Store.InsertOrder(Order("c-1", Noon));

        Store.UpdateOrder(Order("c-1", Noon, status: OrderStatus.PartiallyFilled) with
            { ExecutedQuantity = D("0.0001"), ExecutedNotional = D("5.6123456789"), VenueOrderId = "v-1" }, Noon.AddSeconds(3));

        var found = Store.FindOrder(Tenant, "c-1")!;
        Assert.Equal((OrderStatus.PartiallyFilled, D("0.0001"), D("5.6123456789"), "v-1"),
            (found.Status, found.ExecutedQuantity, found.ExecutedNotional, found.VenueOrderId));
    }

    [Fact]
    public void UpdateOrder_OfAnOrderNeverRecorded_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Store.UpdateOrder(Order("ghost", Noon), Noon));

    [Fact]
    public void ChangeOrderStatus_FromTheExpectedStatus_Succeeds_AndStampsTheSentTime()
    {
        Store.InsertOrder(Order("c-1", Noon));

        Assert.True(Store.ChangeOrderStatus(Tenant, "c-1", OrderStatus.Pending, OrderStatus.Sent, Noon.AddSeconds(1)));

        Assert.Equal(OrderStatus.Sent, Store.FindOrder(Tenant, "c-1")!.Status);
        Assert.Equal(Noon.AddSeconds(1), Store.OrderSentAt(Tenant, "c-1"));
    }

    [Fact]
    public void ChangeOrderStatus_WhenAnotherProcessAlreadyMovedIt_ChangesNothing()
    {
        Store.InsertOrder(Order("c-1", Noon));
        Assert.True(OpenSecondStore().ChangeOrderStatus(Tenant, "c-1", OrderStatus.Pending, OrderStatus.NotSent, Noon.AddSeconds(1)));

        Assert.False(Store.ChangeOrderStatus(Tenant, "c-1", OrderStatus.Pending, OrderStatus.Sent, Noon.AddSeconds(2)));

        Assert.Equal(OrderStatus.NotSent, Store.FindOrder(Tenant, "c-1")!.Status);
        Assert.Null(Store.OrderSentAt(Tenant, "c-1"));
    }

    [Fact]
    public void ChangeOrderStatus_ToAnythingButSent_KeepsTheSentTime()
    {
        Store.InsertOrder(Order("c-1", Noon));
        Store.ChangeOrderStatus(Tenant, "c-1", OrderStatus.Pending, OrderStatus.Sent, Noon.AddSeconds(1));

        Assert.True(Store.ChangeOrderStatus(Tenant, "c-1", OrderStatus.Sent, OrderStatus.Unknown, Noon.AddSeconds(9)));

        Assert.Equal(Noon.AddSeconds(1), Store.OrderSentAt(Tenant, "c-1"));
    }

    [Fact]
    public void ChangeOrderStatus_ManyProcessesRacing_ExactlyOneWins()
    {
        Store.InsertOrder(Order("c-1", Noon));
        var stores = Enumerable.Range(0, 6).Select(_ => OpenSecondStore()).ToList();

        var wins = Race.Run(stores.Count, i => stores[i].ChangeOrderStatus(Tenant, "c-1", OrderStatus.Pending, OrderStatus.Sent, Noon.AddSeconds(1)))
            .Count(won => won);

        Assert.Equal(1, wins);
    }

    [Fact]
    public void UnresolvedAndRestingOrders_ByStatus_OnOneVenueOrAll()
    {
        var statuses = OrderStatus.All.ToList();
        for (var i = 0; i < statuses.Count; i++)
            Store.InsertOrder(Order(statuses[i].Wire, Noon.AddSeconds(i), venue: i % 2 == 0 ? Paper : Binance, status: statuses[i]));

        Assert.Equal(["PENDING", "SENT", "UNKNOWN"], Store.UnresolvedOrders(Tenant, null).Select(o => o.ClientOrderId));
        Assert.Equal(["PENDING", "UNKNOWN"], Store.UnresolvedOrders(Tenant, Paper).Select(o => o.ClientOrderId));
        Assert.Equal(["ACKED", "PARTIALLY_FILLED"], Store.RestingOrders(Tenant, null).Select(o => o.ClientOrderId));
        Assert.Equal(["PARTIALLY_FILLED"], Store.RestingOrders(Tenant, Binance).Select(o => o.ClientOrderId));
    }

    [Fact]
    public void ProtectionsOf_TheOrdersPlacedForAnEntry_OldestFirst()
    {
        Store.InsertOrder(Order("entry", Noon, status: OrderStatus.Filled));
        Store.InsertOrder(Order("close", Noon.AddSeconds(2), side: Core.Domain.OrderSide.Sell) with { Role = OrderRole.Close, Protects = "entry" });
        Store.InsertOrder(Order("stop", Noon.AddSeconds(1), side: Core.Domain.OrderSide.Sell) with { Role = OrderRole.ProtectiveStop, Protects = "entry" });

        Assert.Equal(["stop", "close"], Store.ProtectionsOf(Tenant, "entry").Select(o => o.ClientOrderId));
    }

    [Fact]
    public void EntriesWithoutProtection_BuysThatBoughtSomethingAndHaveNoProtectiveOrder()
    {
        Store.InsertOrder(Order("bought", Noon, status: OrderStatus.Filled) with { ExecutedQuantity = D("0.0001") });
        Store.InsertOrder(Order("protected", Noon, status: OrderStatus.Filled) with { ExecutedQuantity = D("0.0001") });
        Store.InsertOrder(Order("its-stop", Noon, side: Core.Domain.OrderSide.Sell) with { Role = OrderRole.ProtectiveStop, Protects = "protected", StopPrice = null });
        Store.InsertOrder(Order("nothing-bought", Noon, status: OrderStatus.Canceled));
        Store.InsertOrder(Order("no-stop", Noon, status: OrderStatus.Filled) with { ExecutedQuantity = D("0.0001"), StopPrice = null });
        Store.InsertOrder(Order("a-sell", Noon, status: OrderStatus.Filled, side: Core.Domain.OrderSide.Sell) with { ExecutedQuantity = D("0.0001") });

        Assert.Equal(["bought"], Store.EntriesWithoutProtection(Tenant, null).Select(o => o.ClientOrderId));
        Assert.Empty(Store.EntriesWithoutProtection(Tenant, Binance));
    }
}
