using Robson.Cli.Tests.Support.FakeBinance;
using Robson.Core.Domain;
using OrderStatus = Robson.Core.Execution.OrderStatus;
using Robson.Core.Ports;
using FakeStatus = Robson.Cli.Tests.Support.FakeBinance.OrderStatus;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// The adapter's protective SELLs against the fake exchange (mid 60,000): a STOP_LOSS_LIMIT, and an OCO list (a
/// LIMIT_MAKER take-profit above, a STOP_LOSS_LIMIT below) seen as one order under its list client order id.
/// </summary>
public sealed class ProtectiveOrderTests : IDisposable
{
    private static readonly Symbol Btc = Symbol.From("BTCUSDT");
    private readonly VenueOnTheFake _v = new();

    public void Dispose() => _v.Dispose();

    private static ProtectionRequest Stop(string id, decimal stop = 58000m, decimal? takeProfit = null) =>
        new(VenueOnTheFake.Client, id, Btc, 0.01m, stop, stop - 100m, takeProfit);

    [Fact]
    public void StopLossLimit_IsPlacedWaiting_ListedOpen_LookedUp_AndCanceled()
    {
        var placed = _v.Venue.PlaceProtection(Stop("rbs-p1-sl"));

        Assert.Equal(OrderStatus.Acked, placed.Status);
        var order = _v.Exchange.FindOrder("rbs-p1-sl")!;
        Assert.Equal(("STOP_LOSS_LIMIT", "GTC", 58000m, 57900m, false), (order.Type, order.TimeInForce, order.StopPrice, order.Price, order.IsWorking));
        Assert.Equal(0.01m, _v.Exchange.Balance("BTC").Locked);
        var open = Assert.Single(_v.Venue.OpenOrders(VenueOnTheFake.Client));
        Assert.Equal((OrderType.StopLossLimit, OrderSide.Sell, (string?)null), (open.Type, open.Side, open.ListClientOrderId));
        Assert.Equal(OrderStatus.Acked, _v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-p1-sl")!.Status);

        var canceled = _v.Venue.CancelOrder(VenueOnTheFake.Client, Btc, "rbs-p1-sl");

        Assert.Equal(OrderStatus.Canceled, canceled.Status);
        Assert.Equal(0m, _v.Exchange.Balance("BTC").Locked);
    }

    [Fact]
    public void StopLossLimit_TriggeredByTheMid_Fills_AndItsLookupShowsTheFills()
    {
        _v.Venue.PlaceProtection(Stop("rbs-p2-sl"));

        _v.Exchange.SetMid("BTCUSDT", 57950m);

        var found = _v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-p2-sl")!;
        Assert.Equal(OrderStatus.Filled, found.Status);
        Assert.Equal(0.01m, found.ExecutedQuantity);
        Assert.All(found.Fills, f => Assert.True(f.Price >= 57900m && f.TradeId is not null));
        Assert.Equal(0m, _v.Exchange.Balance("BTC").Locked);
    }

    [Fact]
    public void AStopTheMidAlreadyReached_IsRejected()
    {
        var placed = _v.Venue.PlaceProtection(Stop("rbs-p3-sl", stop: 60500m));

        Assert.Equal(OrderStatus.Rejected, placed.Status);
        Assert.Contains("Order would trigger immediately.", placed.Reason);
        Assert.Empty(_v.Exchange.Orders);
    }

    [Fact]
    public void Oco_IsPlacedAsOneOrder_ItsLegsListedUnderTheList_AndLookedUp()
    {
        var placed = _v.Venue.PlaceProtection(Stop("rbs-p4", takeProfit: 62000m));

        Assert.Equal(OrderStatus.Acked, placed.Status);
        var legs = _v.Exchange.Orders;
        Assert.Equal(["rbs-p4-sl", "rbs-p4-tp"], legs.Select(o => o.ClientOrderId).Order());
        Assert.Equal(placed.VenueOrderId, legs[0].OrderListId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("LIMIT_MAKER", _v.Exchange.FindOrder("rbs-p4-tp")!.Type);
        Assert.Equal(0.01m, _v.Exchange.Balance("BTC").Locked); // locked once for the list
        var open = _v.Venue.OpenOrders(VenueOnTheFake.Client).OrderBy(o => o.ClientOrderId).ToList();
        Assert.Equal([OrderType.StopLossLimit, OrderType.Limit], open.Select(o => o.Type));
        Assert.All(open, o => Assert.Equal("rbs-p4", o.ListClientOrderId));
        var found = _v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-p4", isList: true)!;
        Assert.Equal((OrderStatus.Acked, placed.VenueOrderId), (found.Status, found.VenueOrderId));
        Assert.Null(_v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-nope", isList: true));
    }

    [Fact]
    public void Oco_TakeProfitFills_TheStopExpires()
    {
        _v.Venue.PlaceProtection(Stop("rbs-p5", takeProfit: 62000m));

        _v.Exchange.SetMid("BTCUSDT", 62000m);

        var found = _v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-p5", isList: true)!;
        Assert.Equal(OrderStatus.Filled, found.Status);
        Assert.Equal(0.01m, found.ExecutedQuantity);
        Assert.All(found.Fills, f => Assert.Equal(62000m, f.Price));
        Assert.Equal(FakeStatus.Expired, _v.Exchange.FindOrder("rbs-p5-sl")!.Status);
        Assert.Equal(0m, _v.Exchange.Balance("BTC").Locked);
        Assert.Empty(_v.Venue.OpenOrders(VenueOnTheFake.Client));
    }

    [Fact]
    public void Oco_StopTriggers_TheTakeProfitExpires_AndTheStopFills()
    {
        var placed = _v.Venue.PlaceProtection(Stop("rbs-p6", takeProfit: 62000m));
        Assert.True(placed.Status == OrderStatus.Acked, placed.Reason);

        _v.Exchange.SetMid("BTCUSDT", 57950m);

        var found = _v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-p6", isList: true)!;
        Assert.Equal(OrderStatus.Filled, found.Status);
        Assert.Equal(0.01m, found.ExecutedQuantity);
        Assert.Equal(FakeStatus.Expired, _v.Exchange.FindOrder("rbs-p6-tp")!.Status);
        Assert.Equal(0m, _v.Exchange.Balance("BTC").Locked);
    }

    [Fact]
    public void Oco_IsCanceledAsAList()
    {
        _v.Venue.PlaceProtection(Stop("rbs-p7", takeProfit: 62000m));

        var canceled = _v.Venue.CancelOrder(VenueOnTheFake.Client, Btc, "rbs-p7", isList: true);

        Assert.Equal(OrderStatus.Canceled, canceled.Status);
        Assert.All(_v.Exchange.Orders, o => Assert.Equal(FakeStatus.Canceled, o.Status));
        Assert.Equal(0m, _v.Exchange.Balance("BTC").Locked);
        Assert.Equal(OrderStatus.Rejected, _v.Venue.CancelOrder(VenueOnTheFake.Client, Btc, "rbs-p7", isList: true).Status); // nothing left to cancel
    }

    [Fact]
    public void Oco_WhoseTakeProfitWouldTakeNow_IsRejected()
    {
        var placed = _v.Venue.PlaceProtection(Stop("rbs-p8", takeProfit: 59000m));

        Assert.Equal(OrderStatus.Rejected, placed.Status);
        Assert.Empty(_v.Exchange.Orders);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Oco_WithAnUnknownOutcome_IsLookedUp_FoundOrNotPlaced(bool placesOrder)
    {
        _v.Exchange.InjectFault("POST", "/api/v3/orderList/oco", FakeFault.Busy503(placesOrder));

        var placed = _v.Venue.PlaceProtection(Stop("rbs-p9", takeProfit: 62000m));

        Assert.Equal(placesOrder ? OrderStatus.Acked : OrderStatus.NotPlaced, placed.Status);
        Assert.Equal(1, _v.Exchange.RequestCount("POST", "/api/v3/orderList/oco"));
        Assert.Equal(placesOrder ? 2 : 0, _v.Exchange.Orders.Count);
    }
}
