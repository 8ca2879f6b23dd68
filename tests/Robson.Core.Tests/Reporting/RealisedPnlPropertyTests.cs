using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Domain;
using Robson.Core.Reporting;

namespace Robson.Core.Tests.Reporting;

public sealed class RealisedPnlPropertyTests
{
    private static readonly DateTimeOffset Morning = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Quantity (8 places), price (2 places) and two fees (8 places), all positive.</summary>
    private static readonly Gen<(decimal Quantity, decimal Price, decimal BuyFee, decimal SellFee)> RoundTrips =
        from quantity in Gen.Choose(1, 100_000_000)
        from price in Gen.Choose(1, 10_000_000)
        from buyFee in Gen.Choose(0, 1_000_000)
        from sellFee in Gen.Choose(0, 1_000_000)
        select (quantity / 100_000_000m, price / 100m, buyFee / 100_000_000m, sellFee / 100_000_000m);

    [Property]
    public Property BuyThenSellSameQuantityAtSamePrice_RealisesExactlyMinusTotalFees() =>
        Prop.ForAll(RoundTrips.ToArbitrary(), t =>
        {
            var fills = new[]
            {
                RealisedPnlTests.Fill(OrderSide.Buy, t.Price, t.Quantity, t.BuyFee, Morning),
                RealisedPnlTests.Fill(OrderSide.Sell, t.Price, t.Quantity, t.SellFee, Morning.AddHours(1)),
            };

            var realised = RealisedPnl.TotalForDay(fills, DateOnly.FromDateTime(Morning.UtcDateTime));

            return (realised == -(t.BuyFee + t.SellFee)).Label($"{t}: realised {realised}");
        });
}
