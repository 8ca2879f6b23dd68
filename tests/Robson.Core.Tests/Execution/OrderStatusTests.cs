using Robson.Core.Execution;

namespace Robson.Core.Tests.Execution;

/// <summary>The order lifecycle owns its rules: what is unresolved, what counts against the limits and with which notional.</summary>
public sealed class OrderStatusTests
{
    [Theory]
    [InlineData("PENDING", true, true, false, false)]
    [InlineData("SENT", true, true, false, false)]
    [InlineData("UNKNOWN", true, true, false, false)]
    [InlineData("NOT_SENT", false, false, false, false)]
    [InlineData("REJECTED", false, false, false, false)]
    [InlineData("ACKED", false, true, true, true)]
    [InlineData("PARTIALLY_FILLED", false, true, true, true)]
    [InlineData("FILLED", false, true, true, false)]
    [InlineData("CANCELED", false, true, true, false)]
    [InlineData("EXPIRED", false, true, true, false)]
    public void EachStatus_OwnsItsRules(string wire, bool unresolved, bool counts, bool confirmed, bool mayRest)
    {
        var status = OrderStatus.Parse(wire);

        Assert.Equal((wire, unresolved, counts, confirmed, mayRest),
            (status.Wire, status.IsUnresolved, status.CountsAgainstLimits, status.IsVenueConfirmed, status.MayRest));
    }

    [Fact]
    public void All_ListsEveryStatusOnce_AndParseRoundTrips()
    {
        Assert.Equal(OrderStatus.All.Count, OrderStatus.All.Select(s => s.Wire).Distinct().Count());
        Assert.All(OrderStatus.All, s => Assert.Same(s, OrderStatus.Parse(s.Wire)));
        Assert.Throws<FormatException>(() => OrderStatus.Parse("NEW"));
    }

    [Theory]
    [InlineData("PENDING", 100, 0, 100)]   // open: the reservation counts
    [InlineData("UNKNOWN", 100, 120, 120)] // open, traded more than reserved (a market order): the larger
    [InlineData("ACKED", 100, 30, 100)]    // may still fill up to the reservation
    [InlineData("FILLED", 100, 98, 98)]    // known: what traded
    [InlineData("EXPIRED", 100, 40, 40)]
    [InlineData("REJECTED", 100, 0, 0)]    // cannot have traded
    [InlineData("NOT_SENT", 100, 0, 0)]
    public void CountedNotional_ReservationWhileItMayTrade_ThenWhatTraded(string wire, int reserved, int executed, int counted) =>
        Assert.Equal((decimal)counted, OrderStatus.Parse(wire).CountedNotional(reserved, executed));
}
