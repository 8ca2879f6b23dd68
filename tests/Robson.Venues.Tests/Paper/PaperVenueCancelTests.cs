using Robson.Core.Domain;
using Robson.Core.Execution;
using static Robson.Venues.Tests.Paper.PaperFixture;

namespace Robson.Venues.Tests.Paper;

/// <summary>Cancels take a resting order off the paper book and free its funds; anything not resting is an unknown order.</summary>
public sealed class PaperVenueCancelTests : IDisposable
{
    private readonly PaperFixture _paper = new();

    public void Dispose() => _paper.Dispose();

    [Fact]
    public void CancelRestingBuy_AnswersCanceled_AndFreesItsLock()
    {
        _paper.Limit("b1", OrderSide.Buy, "0.1", "2900");

        var answer = _paper.Venue.CancelOrder(Tenant, Eth, "b1");

        Assert.Equal((OrderStatus.Canceled, "paper-b1"), (answer.Status, answer.VenueOrderId));
        Assert.Equal(10_000m, _paper.Free("USDT"));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal(OrderStatus.Canceled, _paper.Venue.LookupOrder(Tenant, Eth, "b1")!.Status);
        Assert.Empty(_paper.SetPrice("2800").Fills);
    }

    [Fact]
    public void CancelPartlyFilledOrder_AnswersCanceledWithWhatFilled()
    {
        _paper.Deposit("USDT", "40000");
        _paper.Limit("b1", OrderSide.Buy, "10", "3000.15");

        var answer = _paper.Venue.CancelOrder(Tenant, Eth, "b1");

        Assert.Equal((OrderStatus.Canceled, 8.3329m), (answer.Status, answer.ExecutedQuantity));
        Assert.Equal(50_000m - 8.3329m * 3000.15m * 1.001m, _paper.Free("USDT"));
    }

    [Theory]
    [InlineData("never-placed")]
    [InlineData("filled")]
    [InlineData("canceled")]
    public void CancelOfAnOrderNotResting_IsRejectedAsUnknown(string id)
    {
        _paper.Market("filled", OrderSide.Buy, "0.1");
        _paper.Limit("canceled", OrderSide.Buy, "0.1", "2900");
        _paper.Venue.CancelOrder(Tenant, Eth, "canceled");

        var answer = _paper.Venue.CancelOrder(Tenant, Eth, id);

        Assert.Equal((OrderStatus.Rejected, "Unknown order sent."), (answer.Status, answer.Reason));
    }

    [Fact]
    public void CancelOfAnotherTenantsOrder_IsUnknown()
    {
        _paper.Limit("b1", OrderSide.Buy, "0.1", "2900");

        Assert.Equal(OrderStatus.Rejected, _paper.Venue.CancelOrder(ClientId.From(2), Eth, "b1").Status);
        Assert.Single(_paper.Venue.OpenOrders(Tenant));
    }

    [Fact]
    public void CancelOcoList_TakesBothLegsOff_AndFreesTheBase()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890", "3100");

        Assert.Equal(OrderStatus.Rejected, _paper.Venue.CancelOrder(Tenant, Eth, "p1").Status); // a list id is not an order id
        var answer = _paper.Venue.CancelOrder(Tenant, Eth, "p1", isList: true);

        Assert.Equal(OrderStatus.Canceled, answer.Status);
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal((1m, 0m), (_paper.Free("ETH"), _paper.Locked("ETH")));
        Assert.Equal(OrderStatus.Canceled, _paper.Venue.LookupOrder(Tenant, Eth, "p1", isList: true)!.Status);
    }

    [Fact]
    public void CancelOneOcoLeg_CancelsTheWholeList()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890", "3100");

        Assert.Equal(OrderStatus.Canceled, _paper.Venue.CancelOrder(Tenant, Eth, "p1-tp").Status);

        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal(1m, _paper.Free("ETH"));
    }

    [Fact]
    public void CancelStop_FreesTheBase()
    {
        _paper.Deposit("ETH", "1");
        _paper.Protect("p1", "1", "2900", "2890");

        Assert.Equal(OrderStatus.Canceled, _paper.Venue.CancelOrder(Tenant, Eth, "p1").Status);
        Assert.Equal(1m, _paper.Free("ETH"));
    }
}
