using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using static Robson.Venues.Tests.Paper.PaperFixture;

namespace Robson.Venues.Tests.Paper;

/// <summary>
/// <c>paper set-price</c> fills what the new mid crosses, for every tenant: limits as maker at their own price, stops
/// by triggering and selling into the bids no lower than their limit; an OCO leg that trades expires the other.
/// </summary>
public sealed class PaperSetPriceTests : IDisposable
{
    private readonly PaperFixture _paper = new();

    public void Dispose() => _paper.Dispose();

    [Fact]
    public void RestingBuy_FillsAsMakerAtItsLimit_WhenTheMidFallsToIt()
    {
        _paper.Limit("b1", OrderSide.Buy, "0.1", "2900");

        var change = _paper.SetPrice("2900");

        var filled = Assert.Single(change.Fills);
        Assert.Equal(("b1", OrderStatus.Filled, 0.1m, 2900m), (filled.ClientOrderId, filled.Status, filled.Quantity, filled.AveragePrice));
        var fill = Assert.Single(filled.Fills);
        Assert.Equal(("b1-t1", 0.29m, "USDT"), (fill.TradeId, fill.Commission, fill.CommissionAsset));
        Assert.Equal((0.1m, 10_000m - 290.29m), (_paper.Free("ETH"), _paper.Free("USDT")));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        var answer = _paper.Venue.LookupOrder(Tenant, Eth, "b1")!;
        Assert.Equal((OrderStatus.Filled, 0.1m), (answer.Status, answer.ExecutedQuantity));
    }

    [Fact]
    public void RestingBuy_StaysWhenTheMidStopsOneTickAboveItsLimit()
    {
        _paper.Limit("b1", OrderSide.Buy, "0.1", "2900");

        Assert.Empty(_paper.SetPrice("2900.01").Fills);
        Assert.Equal(OrderStatus.Acked, Assert.Single(_paper.Venue.OpenOrders(Tenant)).Status);
    }

    [Fact]
    public void RestingSell_FillsAtItsLimit_WhenTheMidRisesToIt_AndNotBefore()
    {
        _paper.Deposit("ETH", "1");
        _paper.Limit("s1", OrderSide.Sell, "1", "3100");

        Assert.Empty(_paper.SetPrice("3099.99").Fills);
        var filled = Assert.Single(_paper.SetPrice("3150").Fills);

        Assert.Equal((OrderStatus.Filled, 3100m), (filled.Status, filled.AveragePrice));
        Assert.Equal((0m, 0m), (_paper.Free("ETH"), _paper.Locked("ETH")));
        Assert.Equal(10_000m + 3100m - 3.1m, _paper.Free("USDT"));
    }

    [Fact]
    public void PartlyFilledOrder_KeepsItsFirstFills_AndNumbersTheNextOnesAfterThem()
    {
        _paper.Deposit("USDT", "40000");
        _paper.Limit("b1", OrderSide.Buy, "10", "3000.15"); // 8.3329 fills now as b1-t1, 1.6671 rests

        var filled = Assert.Single(_paper.SetPrice("3000").Fills);

        Assert.Equal("b1-t2", Assert.Single(filled.Fills).TradeId);
        var answer = _paper.Venue.LookupOrder(Tenant, Eth, "b1")!;
        Assert.Equal(["b1-t1", "b1-t2"], answer.Fills.Select(f => f.TradeId));
        Assert.Equal((OrderStatus.Filled, 10m), (answer.Status, answer.ExecutedQuantity));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
    }

    [Fact]
    public void Stop_TriggersWhenTheMidFallsToIt_AndSellsIntoTheBids()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890");

        Assert.Empty(_paper.SetPrice("2900.01").Fills);
        var filled = Assert.Single(_paper.SetPrice("2900").Fills);

        Assert.Equal((OrderStatus.Filled, OrderType.StopLossLimit), (filled.Status, filled.Type));
        Assert.Equal(2899.86m, Assert.Single(filled.Fills).Price); // the best bid around 2900: 2900 - 0.14
        Assert.Equal(10_000m + 2899.86m * 0.999m, _paper.Free("USDT"));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
    }

    [Fact]
    public void StopGappedBelowItsLimit_Triggers_RestsAsALimit_AndFillsWhenThePriceComesBack()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890");

        Assert.Empty(_paper.SetPrice("2800").Fills); // every bid is under 2890: nothing sells
        var resting = Assert.Single(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal((OrderStatus.Acked, 1m), (resting.Status, _paper.Locked("ETH")));

        var filled = Assert.Single(_paper.SetPrice("2890").Fills);
        Assert.Equal((OrderStatus.Filled, 2890m), (filled.Status, filled.AveragePrice));
    }

    [Fact]
    public void OcoTakeProfitFills_TheStopExpires_AndTheListIsFilledWithTheTakeProfitFills()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890", "3100");

        var filled = Assert.Single(_paper.SetPrice("3100").Fills);

        Assert.Equal(("p1-tp", "p1", OrderStatus.Filled), (filled.ClientOrderId, filled.ListClientOrderId, filled.Status));
        Assert.Equal(OrderStatus.Expired, _paper.Venue.LookupOrder(Tenant, Eth, "p1-sl")!.Status);
        var list = _paper.Venue.LookupOrder(Tenant, Eth, "p1", isList: true)!;
        Assert.Equal((OrderStatus.Filled, 1m, "p1-tp-t1"), (list.Status, list.ExecutedQuantity, Assert.Single(list.Fills).TradeId));
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
        Assert.Empty(_paper.SetPrice("2800").Fills); // the expired stop never triggers
    }

    [Fact]
    public void OcoStopTriggers_TheTakeProfitExpires()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890", "3100");

        var filled = Assert.Single(_paper.SetPrice("2895").Fills);

        Assert.Equal("p1-sl", filled.ClientOrderId);
        Assert.Equal(OrderStatus.Expired, _paper.Venue.LookupOrder(Tenant, Eth, "p1-tp")!.Status);
        Assert.Equal(OrderStatus.Filled, _paper.Venue.LookupOrder(Tenant, Eth, "p1", isList: true)!.Status);
        Assert.Equal(0m, _paper.Free("ETH") + _paper.Locked("ETH"));
    }

    [Fact]
    public void OcoStopGappedBelowItsLimit_ListStaysOpen_WithTheStopWorkingAndTheTakeProfitExpired()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890", "3100");

        Assert.Empty(_paper.SetPrice("2800").Fills);

        Assert.Equal("p1-sl", Assert.Single(_paper.Venue.OpenOrders(Tenant)).ClientOrderId);
        Assert.Equal(OrderStatus.Acked, _paper.Venue.LookupOrder(Tenant, Eth, "p1", isList: true)!.Status);
        Assert.Equal(1m, _paper.Locked("ETH"));
        Assert.Equal(OrderStatus.Filled, Assert.Single(_paper.SetPrice("3200").Fills).Status); // the take-profit does not come back
        Assert.Equal(OrderStatus.Expired, _paper.Venue.LookupOrder(Tenant, Eth, "p1-tp")!.Status);
    }

    [Fact]
    public void EveryTenantsRestingOrders_Fill_AndEachFillIsAuditedInItsTenantsChain()
    {
        var other = ClientId.From(2);
        _paper.Limit("b1", OrderSide.Buy, "0.1", "2900");
        _paper.Limit("b2", OrderSide.Buy, "0.2", "2950", tenant: other);
        _paper.Limit("b3", OrderSide.Buy, "0.1", "2900", symbol: Btc);

        var change = _paper.SetPrice("2900");

        Assert.Equal([("b1", 1L), ("b2", 2L)], change.Fills.Select(f => (f.ClientOrderId, f.ClientId.Value)).OrderBy(f => f.Item1));
        var audited = _paper.Store.ReadAuditEvents(other).Single(r => r.Entry.Kind == AuditKinds.PaperOrderFilled).Entry;
        Assert.Equal(("FILLED", "b2", "paper", "0.2", "2950"),
            (audited.Result, audited.Details["client_order_id"], audited.Details["venue"], audited.Details["executed_qty"], audited.Details["price"]));
        Assert.Equal("ACKED", _paper.Venue.LookupOrder(Tenant, Btc, "b3")!.Status.Wire);
    }
}
