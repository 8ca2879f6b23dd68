using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Tests.Support;
using Robson.Core.UseCases;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.UseCases;

/// <summary>The daily limits of the paper venue count paper only; those of a real venue count every real venue together.</summary>
public sealed class DailyUsageQueryTests
{
    private static readonly DateOnly Day = new(2025, 3, 14);
    private static readonly DateTimeOffset DayStart = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);
    private readonly RecordedActivity _store = new();
    private int _orders;

    internal static OrderRecord Order(string venue, decimal notional, DateTimeOffset at, string status = "FILLED", ClientId? client = null) =>
        new($"rbs-{venue}-{at.Ticks}-{notional}", client ?? Client, "ex1", "pl1", 0, venue, BtcUsdt, OrderSide.Buy, OrderType.Market, 1m, null,
            OrderStatus.Parse(status), notional, 1m, notional, null, at);

    internal static FillRecord Fill(string venue, OrderSide side, decimal price, decimal quantity, DateTimeOffset at, decimal fee = 0m) =>
        new(Client, "c1", venue, BtcUsdt, side, price, quantity, fee, "USDT", fee, at);

    private void Ordered(string venue, decimal notional, string status = "FILLED") =>
        _store.Orders.Add(Order(venue, notional, DayStart.AddMinutes(++_orders), status));

    private void Traded(string venue, OrderSide side, decimal price, decimal quantity = 1m, int hour = 1) =>
        _store.Fills.Add(Fill(venue, side, price, quantity, DayStart.AddHours(hour)));

    [Fact]
    public void For_PaperVenue_CountsPaperOrdersOnly()
    {
        Ordered("paper", 10m);
        Ordered("bn", 100m);
        Ordered("bn2", 1_000m);

        Assert.Equal(new DailyUsage(1, 10m, 0m), DailyUsageQuery.For(_store, Client, "paper", Day));
    }

    [Theory]
    [InlineData("bn")]
    [InlineData("bn2")]
    public void For_RealVenue_CountsEveryRealVenueTogether_AndNoPaper(string venue)
    {
        Ordered("paper", 10m);
        Ordered("bn", 100m);
        Ordered("bn2", 1_000m);
        Ordered("bn2", 5_000m, OrderStatus.Rejected.Wire);

        Assert.Equal(new DailyUsage(2, 1_100m, 0m), DailyUsageQuery.For(_store, Client, venue, Day));
    }

    [Fact]
    public void For_RealVenue_PaperProfitHidesNoRealLoss()
    {
        Traded("paper", OrderSide.Buy, 10m, hour: 1);
        Traded("bn", OrderSide.Buy, 60_000m, hour: 2);
        Traded("paper", OrderSide.Sell, 60_000m, hour: 3);
        Traded("bn", OrderSide.Sell, 59_000m, hour: 4);

        Assert.Equal(-1_000m, DailyUsageQuery.For(_store, Client, "bn", Day).RealisedPnl);
        Assert.Equal(59_990m, DailyUsageQuery.For(_store, Client, "paper", Day).RealisedPnl);
    }

    [Fact]
    public void For_RealVenue_EachVenuesPnlOnItsOwnCostBasis_ThenAdded()
    {
        Traded("bn", OrderSide.Buy, 100m, quantity: 1m, hour: 1);
        Traded("bn2", OrderSide.Buy, 200m, quantity: 3m, hour: 2);
        Traded("bn", OrderSide.Sell, 150m, quantity: 1m, hour: 3); // +50 on bn's book (pooled with bn2 it would be −25)
        Traded("bn2", OrderSide.Sell, 190m, quantity: 1m, hour: 4); // −10 on bn2's book

        Assert.Equal(40m, DailyUsageQuery.For(_store, Client, "bn", Day).RealisedPnl);
    }

    [Fact]
    public void For_RealVenuesScope_IsWhatTheAutomaticHaltCounts()
    {
        Traded("paper", OrderSide.Buy, 100m, hour: 1);
        Traded("paper", OrderSide.Sell, 1m, hour: 2);

        Assert.Equal(0m, DailyUsageQuery.For(_store, Client, VenueScope.RealVenues, Day).RealisedLoss);
        Assert.Equal(99m, DailyUsageQuery.For(_store, Client, VenueScope.Paper, Day).RealisedLoss);
    }

    [Fact]
    public void For_OtherTenantsActivity_NeverCounts()
    {
        _store.Orders.Add(Order("bn", 100m, DayStart.AddHours(1), client: OtherClient));

        Assert.Equal(DailyUsage.None, DailyUsageQuery.For(_store, Client, "bn", Day));
    }
}
