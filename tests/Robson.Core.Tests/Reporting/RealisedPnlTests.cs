using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Reporting;

public sealed class RealisedPnlTests
{
    private static readonly DateOnly Day = new(2025, 3, 14);
    private static readonly DateTimeOffset DayStart = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);

    internal static FillRecord Fill(OrderSide side, decimal price, decimal quantity, decimal fee, DateTimeOffset at, Symbol? symbol = null,
        string venue = "paper") =>
        new(Client, "c1", venue, symbol ?? BtcUsdt, side, price, quantity, fee, "USDT", fee, at);

    [Fact]
    public void TotalForDay_AverageCostWithFees_RealisesAgainstFeeInclusiveAverage()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 1m, 0.10m, DayStart.AddHours(1)),
            Fill(OrderSide.Buy, 110m, 1m, 0.11m, DayStart.AddHours(2)),
            Fill(OrderSide.Sell, 120m, 1m, 0.12m, DayStart.AddHours(3)),
        ];

        // average cost (100.1 + 110.11) / 2 = 105.105; 120 − 105.105 − 0.12
        Assert.Equal(14.775m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void TotalForDay_EarlierBuysSetCostBasisButOnlyTheDaysSellsCount()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 2m, 0m, DayStart.AddDays(-1).AddHours(1)),
            Fill(OrderSide.Sell, 150m, 1m, 0m, DayStart.AddDays(-1).AddHours(2)),  // yesterday: +50, not today's
            Fill(OrderSide.Sell, 130m, 1m, 0m, DayStart.AddHours(1)),              // today: +30
            Fill(OrderSide.Buy, 1m, 1m, 0m, DayStart.AddDays(1)),                  // tomorrow: ignored
            Fill(OrderSide.Sell, 999m, 1m, 0m, DayStart.AddDays(1).AddHours(1)),
        ];

        Assert.Equal(30m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void TotalForDay_FillsOutOfOrder_AreTakenOldestFirst()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Sell, 120m, 1m, 0m, DayStart.AddHours(2)),
            Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart.AddHours(1)),
        ];

        Assert.Equal(20m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void TotalForDay_SellBelowCost_IsNegative()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 1m, 0.1m, DayStart.AddHours(1)),
            Fill(OrderSide.Sell, 90m, 1m, 0.09m, DayStart.AddHours(2)),
        ];

        Assert.Equal(-10.19m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void TotalForDay_SellWithoutPosition_RealisesOnlyMinusFee()
    {
        FillRecord[] fills = [Fill(OrderSide.Sell, 120m, 1m, 0.12m, DayStart.AddHours(1))];

        Assert.Equal(-0.12m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void TotalForDay_SellBeyondPosition_RealisesTheMatchedPartOnly()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart.AddHours(1)),
            Fill(OrderSide.Sell, 120m, 3m, 0.36m, DayStart.AddHours(2)),
        ];

        Assert.Equal(19.64m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void TotalForDay_RoundTripWhoseAverageCostDoesNotTerminate_RealisesExactlyMinusFees()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 3m, 0.1m, DayStart.AddHours(1)),  // average cost 300.1 / 3 = 100.0333…
            Fill(OrderSide.Sell, 100m, 3m, 0m, DayStart.AddHours(2)),
        ];

        Assert.Equal(-0.1m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void ForDay_KeepsEachSymbolsCostBasisApart()
    {
        var eth = Symbol.From("ETHUSDT");
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart.AddHours(1)),
            Fill(OrderSide.Buy, 10m, 1m, 0m, DayStart.AddHours(2), eth),
            Fill(OrderSide.Sell, 110m, 1m, 0m, DayStart.AddHours(3)),
            Fill(OrderSide.Sell, 9m, 1m, 0m, DayStart.AddHours(4), eth),
        ];

        var bySymbol = RealisedPnl.ForDay(fills, Day);

        Assert.Equal(10m, bySymbol[new VenueSymbol("paper", BtcUsdt)]);
        Assert.Equal(-1m, bySymbol[new VenueSymbol("paper", eth)]);
    }

    [Fact]
    public void ForDay_KeepsEachVenuesCostBasisApart_ForTheSameSymbol()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 60_000m, 1m, 0m, DayStart.AddHours(1), venue: "bn"),
            Fill(OrderSide.Buy, 10m, 1m, 0m, DayStart.AddHours(2), venue: "paper"),
            Fill(OrderSide.Sell, 60_000m, 1m, 0m, DayStart.AddHours(3), venue: "paper"),
            Fill(OrderSide.Sell, 59_000m, 1m, 0m, DayStart.AddHours(4), venue: "bn"),
        ];

        var byPosition = RealisedPnl.ForDay(fills, Day);

        // Pooled, the two buys would average 30,005 and both sells would realise a profit.
        Assert.Equal(59_990m, byPosition[new VenueSymbol("paper", BtcUsdt)]);
        Assert.Equal(-1_000m, byPosition[new VenueSymbol("bn", BtcUsdt)]);
        Assert.Equal(58_990m, RealisedPnl.TotalForDay(fills, Day));
    }

    [Fact]
    public void Sales_SellOnAVenueWithoutABuyThere_HasNoCostBasis_EvenIfAnotherVenueHoldsTheSymbol()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 10m, 1m, 0m, DayStart.AddHours(1), venue: "paper"),
            Fill(OrderSide.Sell, 100m, 1m, 0.1m, DayStart.AddHours(2), venue: "bn"),
        ];

        var sale = Assert.Single(RealisedPnl.Sales(fills, Day));

        Assert.Equal(new VenueSymbol("bn", BtcUsdt), sale.Position);
        Assert.Equal(-0.1m, sale.Pnl); // only its fee: Robson bought none of it on bn
    }

    [Fact]
    public void ForDay_OnlyBuys_RealisesNothing()
    {
        Assert.Empty(RealisedPnl.ForDay([Fill(OrderSide.Buy, 100m, 1m, 0.1m, DayStart.AddHours(1))], Day));
    }
}
