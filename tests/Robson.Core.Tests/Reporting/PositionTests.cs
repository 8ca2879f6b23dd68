using Robson.Core.Domain;
using Robson.Core.Reporting;

namespace Robson.Core.Tests.Reporting;

public sealed class PositionTests
{
    [Fact]
    public void Apply_Buys_AddQuantityAndCostWithFees()
    {
        var (after, realised) = Position.Flat.Apply(OrderSide.Buy, 100m, 2m, 0.2m);

        Assert.Null(realised);
        Assert.Equal(new Position(2m, 200.2m, 0m), after);
        Assert.Equal(100.1m, after.AverageCost);
    }

    [Fact]
    public void Apply_PartialSell_RealisesAgainstAverageCost_AndKeepsTheRestOfTheCostBasis()
    {
        var held = new Position(2m, 200.2m, 0m);

        var (after, realised) = held.Apply(OrderSide.Sell, 110m, 1m, 0.11m);

        Assert.Equal(9.79m, realised); // 110 − 100.1 − 0.11
        Assert.Equal(new Position(1m, 100.1m, 9.79m), after);
    }

    [Fact]
    public void Apply_SellBeyondHolding_RealisesTheMatchedPartOnly_AndLeavesNothingHeld()
    {
        var (after, realised) = new Position(1m, 100m, 0m).Apply(OrderSide.Sell, 120m, 3m, 0.36m);

        Assert.Equal(19.64m, realised);
        Assert.Equal(new Position(0m, 0m, 19.64m), after);
    }

    [Fact]
    public void Apply_ClosingAPositionWhoseAverageDoesNotTerminate_TakesTheWholeCostBasis()
    {
        var (after, realised) = new Position(3m, 300.1m, 0m).Apply(OrderSide.Sell, 100m, 3m, 0m);

        Assert.Equal(-0.1m, realised);
        Assert.Equal(0m, after.CostBasis);
    }
}
