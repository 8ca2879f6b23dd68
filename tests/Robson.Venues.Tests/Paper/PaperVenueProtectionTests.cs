using Robson.Core.Domain;
using Robson.Core.Execution;
using static Robson.Venues.Tests.Paper.PaperFixture;

namespace Robson.Venues.Tests.Paper;

/// <summary>Protective SELLs on paper, as on Binance: a STOP_LOSS_LIMIT below the mid, or an OCO with a take-profit above it.</summary>
public sealed class PaperVenueProtectionTests : IDisposable
{
    private readonly PaperFixture _paper = new();

    public PaperVenueProtectionTests() => _paper.Deposit("ETH", "1");

    public void Dispose() => _paper.Dispose();

    [Fact]
    public void StopBelowTheMid_RestsAcked_LockingTheBaseQuantity()
    {
        var result = _paper.Protect("p1", "0.5", "2900", "2890");

        Assert.Equal(OrderStatus.Acked, result.Status);
        Assert.Equal((0.5m, 0.5m), (_paper.Free("ETH"), _paper.Locked("ETH")));
        var open = Assert.Single(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal(("p1", OrderSide.Sell, OrderType.StopLossLimit, 2890m, (string?)null),
            (open.ClientOrderId, open.Side, open.Type, open.Price, open.ListClientOrderId));
    }

    [Theory]
    [InlineData("3000")] // at the mid
    [InlineData("3000.01")] // above it
    public void StopTheMidAlreadyReached_IsRejected(string stop)
    {
        var result = _paper.Protect("p1", "0.5", stop, "2990");

        Assert.Equal(("Order would trigger immediately.", OrderStatus.Rejected), (result.Reason, result.Status));
        Assert.Equal(1m, _paper.Free("ETH"));
    }

    [Fact]
    public void StopOneTickBelowTheMid_IsAccepted() =>
        Assert.Equal(OrderStatus.Acked, _paper.Protect("p1", "0.5", "2999.99", "2990").Status);

    [Theory]
    [InlineData("3000")]
    [InlineData("2999.99")]
    public void OcoWhoseTakeProfitIsNotAboveTheMid_IsRejected(string takeProfit)
    {
        var result = _paper.Protect("p1", "0.5", "2900", "2890", takeProfit);

        Assert.Equal(("Order would immediately match and take.", OrderStatus.Rejected), (result.Reason, result.Status));
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
    }

    [Fact]
    public void Oco_RestsAsTwoLegsNamingTheirList_LockingItsQuantityOnce()
    {
        var result = _paper.Protect("p1", "0.5", "2900", "2890", "3100");

        Assert.Equal(OrderStatus.Acked, result.Status);
        Assert.Equal(OrderStatus.Acked, _paper.Venue.LookupOrder(Tenant, Eth, "p1", isList: true)!.Status);
        Assert.Equal((0.5m, 0.5m), (_paper.Free("ETH"), _paper.Locked("ETH")));
        var legs = _paper.Venue.OpenOrders(Tenant).OrderBy(o => o.ClientOrderId).ToList();
        Assert.Equal(["p1-sl", "p1-tp"], legs.Select(l => l.ClientOrderId));
        Assert.All(legs, l => Assert.Equal("p1", l.ListClientOrderId));
        Assert.Equal((OrderType.StopLossLimit, 2890m), (legs[0].Type, legs[0].Price));
        Assert.Equal((OrderType.Limit, 3100m), (legs[1].Type, legs[1].Price));
    }

    [Fact]
    public void ListIdAndOrderId_AreNotInterchangeable()
    {
        _paper.Protect("p1", "0.5", "2900", "2890", "3100");

        Assert.Null(_paper.Venue.LookupOrder(Tenant, Eth, "p1"));
        Assert.Null(_paper.Venue.LookupOrder(Tenant, Eth, "p1-sl", isList: true));
        Assert.Equal(OrderStatus.Acked, _paper.Venue.LookupOrder(Tenant, Eth, "p1-sl")!.Status);
    }

    [Fact]
    public void ProtectionForMoreThanTheFreeBase_IsRejected()
    {
        var result = _paper.Protect("p1", "1.5", "2900", "2890", "3100");

        Assert.Equal(OrderStatus.Rejected, result.Status);
        Assert.Equal("insufficient balance: need 1.5 ETH, free 1", result.Reason);
    }

    [Fact]
    public void ProtectionOffTheTickOrStep_FailsTheFilters()
    {
        Assert.Equal("Filter failure: PRICE_FILTER", _paper.Protect("p1", "0.5", "2900.001", "2890").Reason);
        Assert.Equal("Filter failure: LOT_SIZE", _paper.Protect("p2", "0.00005", "2900", "2890").Reason);
    }

    [Fact]
    public void ProtectionSentLongerAgoThanTheOrderWindow_IsRefused_AndNothingIsRecorded()
    {
        var result = _paper.Protect("p1", "0.5", "2900", "2890", "3100", sentAt: _paper.Time.Now - TimeSpan.FromSeconds(6));

        Assert.Equal("Timestamp for this request is outside of the recvWindow.", result.Reason);
        Assert.Null(_paper.Venue.LookupOrder(Tenant, Eth, "p1", isList: true));
        Assert.Equal(1m, _paper.Free("ETH"));
    }

    [Fact]
    public void ListIdOrLegIdSeenBefore_IsADuplicate()
    {
        _paper.Market("p1-sl", OrderSide.Sell, "0.1");

        Assert.Equal("Duplicate order sent.", _paper.Protect("p1", "0.5", "2900", "2890", "3100").Reason);
    }
}
