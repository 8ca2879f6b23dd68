using Robson.Core.Domain;
using Robson.Core.Market;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Market;

/// <summary>Book: bids 99×1, 98×2, 97×5; asks 101×1, 102×2, 103×5; mid 100.</summary>
public sealed class FillSimulatorTests
{
    private static readonly OrderBook Book = new(
        [new BookLevel(99m, 1m), new BookLevel(98m, 2m), new BookLevel(97m, 5m)],
        [new BookLevel(101m, 1m), new BookLevel(102m, 2m), new BookLevel(103m, 5m)],
        Now);

    private static SimulatedFill Simulate(OrderSide side, decimal quantity, decimal? limit = null, decimal feeRate = 0m) =>
        FillSimulator.Simulate(Book, side, quantity, limit, feeRate);

    [Fact]
    public void Simulate_Buy_WalksAsksFromTheBestUp()
    {
        var fill = Simulate(OrderSide.Buy, 2m);

        Assert.Equal([new BookLevel(101m, 1m), new BookLevel(102m, 1m)], fill.Fills);
        Assert.Equal(2m, fill.FilledQuantity);
        Assert.True(fill.FullyFilled);
        Assert.Equal(203m, fill.Notional);
        Assert.Equal(101.5m, fill.AveragePrice);
    }

    [Fact]
    public void Simulate_Sell_WalksBidsFromTheBestDown()
    {
        var fill = Simulate(OrderSide.Sell, 2m);

        Assert.Equal([new BookLevel(99m, 1m), new BookLevel(98m, 1m)], fill.Fills);
        Assert.Equal(98.5m, fill.AveragePrice);
    }

    [Theory]
    [InlineData("100.99", "0")] // below the best ask: nothing fills
    [InlineData("101", "1")]    // at the best ask: that level fills
    [InlineData("102", "3")]
    public void Simulate_BuyLimit_StopsAtLimitPrice(string limit, string filled)
    {
        var fill = Simulate(OrderSide.Buy, 5m, D(limit));

        Assert.Equal(D(filled), fill.FilledQuantity);
        Assert.False(fill.FullyFilled);
        Assert.All(fill.Fills, f => Assert.True(f.Price <= D(limit)));
    }

    [Fact]
    public void Simulate_SellLimit_StopsAtLimitPrice()
    {
        var fill = Simulate(OrderSide.Sell, 5m, 98m);

        Assert.Equal(3m, fill.FilledQuantity);
        Assert.Equal([new BookLevel(99m, 1m), new BookLevel(98m, 2m)], fill.Fills);
    }

    [Fact]
    public void Simulate_BookTooThin_FillsPartially()
    {
        var fill = Simulate(OrderSide.Buy, 10m);

        Assert.Equal(10m, fill.RequestedQuantity);
        Assert.Equal(8m, fill.FilledQuantity);
        Assert.False(fill.FullyFilled);
    }

    [Fact]
    public void Simulate_AveragePrice_IsNotionalOverQuantityRoundedToEightPlaces()
    {
        var fill = Simulate(OrderSide.Buy, 3m); // (101 + 2 × 102) / 3

        Assert.Equal(305m, fill.Notional);
        Assert.Equal(101.66666667m, fill.AveragePrice);
    }

    [Fact]
    public void Simulate_Fee_IsNotionalTimesRate()
    {
        Assert.Equal(0.203m, Simulate(OrderSide.Buy, 2m, feeRate: 0.001m).Fee);
    }

    [Theory]
    [InlineData(OrderSide.Buy)]
    [InlineData(OrderSide.Sell)]
    public void Simulate_SlippageBps_IsAdverseDistanceFromMid(OrderSide side)
    {
        var fill = Simulate(side, 2m); // average 101.5 or 98.5: 1.5 away from mid 100

        Assert.Equal(100m, fill.Mid);
        Assert.Equal(150m, fill.SlippageBps);
    }

    [Fact]
    public void Simulate_EmptySide_FillsNothingWithoutSlippage()
    {
        var book = Book with { Asks = [] };

        var fill = FillSimulator.Simulate(book, OrderSide.Buy, 1m, null, 0.001m);

        Assert.Equal(0m, fill.FilledQuantity);
        Assert.Equal(0m, fill.AveragePrice);
        Assert.Equal(0m, fill.Fee);
        Assert.Equal(0m, fill.SlippageBps);
        Assert.Null(fill.Mid);
        Assert.Empty(fill.Fills);
    }
}
