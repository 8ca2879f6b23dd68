using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Domain;
using Robson.Core.Tests.Support;
using Robson.Core.UseCases;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.UseCases;

/// <summary>Paper never mixes with real money: whatever happens on one side, the other side's usage is unchanged.</summary>
public sealed class DailyUsageQueryPropertyTests
{
    private static readonly DateOnly Day = new(2025, 3, 14);
    private static readonly DateTimeOffset DayStart = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Venues = ["paper", "bn", "bn2"];

    /// <summary>An order and its fill on one venue, yesterday or today: a price in cents, a quantity in 1/1000, a fee in cents.</summary>
    private static readonly Gen<(string Venue, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, int Minute, string Status)> Trades =
        from venue in Gen.Elements(Venues)
        from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
        from price in Gen.Choose(1, 10_000_000)
        from quantity in Gen.Choose(1, 5_000)
        from fee in Gen.Choose(0, 1_000)
        from minute in Gen.Choose(-24 * 60, 24 * 60 - 1)
        from status in Gen.Elements("FILLED", "REJECTED", "UNKNOWN")
        select (venue, side, price / 100m, quantity / 1000m, fee / 100m, minute, status);

    private static RecordedActivity Recorded(IEnumerable<(string Venue, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, int Minute, string Status)> trades)
    {
        var store = new RecordedActivity();
        foreach (var t in trades)
        {
            var at = DayStart.AddMinutes(t.Minute);
            store.Orders.Add(DailyUsageQueryTests.Order(t.Venue, t.Price * t.Quantity, at, t.Status) with { ClientOrderId = Guid.NewGuid().ToString("N") });
            if (t.Status == "FILLED") store.Fills.Add(DailyUsageQueryTests.Fill(t.Venue, t.Side, t.Price, t.Quantity, at, t.Fee));
        }
        return store;
    }

    [Property(MaxTest = 200)]
    public Property PaperActivity_NeverChangesARealVenuesUsage_NorTheReverse() =>
        Prop.ForAll(Trades.ListOf().ToArbitrary(), trades =>
        {
            var all = Recorded(trades);
            var realOnly = Recorded(trades.Where(t => t.Venue != "paper"));
            var paperOnly = Recorded(trades.Where(t => t.Venue == "paper"));

            var real = DailyUsageQuery.For(all, Client, "bn", Day);
            var paper = DailyUsageQuery.For(all, Client, "paper", Day);

            return (real == DailyUsageQuery.For(realOnly, Client, "bn2", Day) && paper == DailyUsageQuery.For(paperOnly, Client, "paper", Day))
                .Label($"real {real}, paper {paper}");
        });
}
