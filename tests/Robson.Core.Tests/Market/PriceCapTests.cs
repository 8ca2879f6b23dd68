using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Market;

public sealed class PriceCapTests
{
    [Theory]
    [InlineData("60000", "5", "63000")]
    [InlineData("60000.015", "5", "63000.01")] // 63000.01575 rounded down to the tick: inside the collar
    [InlineData("100", "0.5", "100.5")]
    public void For_MarketBuy_IsTheCollarAboveTheMid_RoundedDownToTheTick(string mid, string collar, string expected) =>
        Assert.Equal(D(expected), PriceCap.For(MarketBuy(), D(mid), D(collar), 0.01m));

    [Fact]
    public void For_MarketSell_IsTheCollarBelowTheMid_RoundedUpToTheTick() =>
        Assert.Equal(57000.00m, PriceCap.For(MarketBuy() with { Side = OrderSide.Sell }, 59999.99m, 5m, 0.01m)); // 56999.9905 → up

    [Fact]
    public void For_LimitLeg_OrNoMid_HasNoCap()
    {
        Assert.Null(PriceCap.For(LimitBuy(), 60000m, 5m, 0.01m));
        Assert.Null(PriceCap.For(MarketBuy(), null, 5m, 0.01m));
    }

    /// <summary>
    /// For any price path between validation and the send, a capped market order never fills beyond the collar from
    /// the mid read when it leaves: the cap is inside the collar, and the fill walks the book no further than the cap.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property CappedMarketOrder_NeverFillsBeyondTheCollarFromTheMidAtSendTime() =>
        Prop.ForAll((
                from midCents in Gen.Choose(1, 200_000)
                from spreadBps in Gen.Choose(1, 2000)
                from collarTenths in Gen.Choose(1, 100)
                from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
                from quantityUnits in Gen.Choose(1, 100)
                select (midCents, spreadBps, collarTenths, side, quantityUnits)).ToArbitrary(),
            ((int midCents, int spreadBps, int collarTenths, OrderSide side, int quantityUnits) c) =>
            {
                var (midCents, spreadBps, collarTenths, side, quantityUnits) = c;
                var mid = midCents / 100m + 1m;
                var collar = collarTenths / 10m;
                var gap = Math.Max(0.01m, Math.Round(mid * spreadBps / 10_000m, 2));
                var book = new OrderBook(
                    Enumerable.Range(0, 30).Select(i => new BookLevel(mid - gap * (i + 1), 0.5m)).Where(l => l.Price > 0).ToList(),
                    Enumerable.Range(0, 30).Select(i => new BookLevel(mid + gap * (i + 1), 0.5m)).ToList(), Now);
                var leg = MarketBuy(quantityUnits / 4m) with { Side = side };
                var cap = PriceCap.For(leg, book.Mid, collar, 0.01m)!.Value;
                var fill = FillSimulator.Simulate(book, side, leg.Quantity, cap, 0.001m);
                var bound = side == OrderSide.Buy ? book.Mid!.Value * (1 + collar / 100m) : book.Mid!.Value * (1 - collar / 100m);
                return fill.Fills.All(l => side == OrderSide.Buy ? l.Price <= bound : l.Price >= bound)
                    .Label($"mid {book.Mid}, collar {collar} %, cap {cap}, worst fill {fill.Fills.LastOrDefault()}");
            });
}
