using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Storage.Sqlite;
using static Robson.Cli.Tests.Persistence.StoredFills;

namespace Robson.Cli.Tests.Persistence;

/// <summary>Whatever fills are recorded in time order, the store keeps the positions and days the replay of them gives.</summary>
public sealed class PositionsPropertyTests
{
    private static readonly Gen<(int Venue, int Symbol, bool Buy, int Cents, int Thousandths, int FeeCents, int Minutes)> Fills =
        from venue in Gen.Choose(0, 1)
        from symbol in Gen.Choose(0, 1)
        from buy in Gen.Elements(true, true, false)
        from cents in Gen.Choose(1, 10_000_000)
        from thousandths in Gen.Choose(1, 5_000)
        from fee in Gen.Choose(0, 1_000)
        from minutes in Gen.Choose(0, 900)
        select (venue, symbol, buy, cents, thousandths, fee, minutes);

    [Property(MaxTest = 40)]
    public Property RecordedInTimeOrder_KeptFiguresEqualTheReplay() =>
        Prop.ForAll(Fills.ListOf().ToArbitrary(), generated =>
        {
            var at = DayStart;
            var fills = generated.Select(g => Fill(g.Buy ? OrderSide.Buy : OrderSide.Sell, g.Cents / 100m, g.Thousandths / 1000m, g.FeeCents / 100m,
                at = at.AddMinutes(g.Minutes), g.Venue == 0 ? "paper" : "bn", g.Symbol == 0 ? Btc : Eth)).ToList();
            using var store = SqliteStore.Open(Path.Combine(Path.GetTempPath(), "robson-no-such-home-" + Guid.NewGuid().ToString("N")), createIfMissing: false);
            foreach (var fill in fills)
                store.RecordFill(fill, Guid.NewGuid().ToString("N"));

            var from = DateOnly.FromDateTime(DayStart.UtcDateTime);
            var positions = store.Positions(Client, null).SequenceEqual(ReplayedPositions(fills, Client));
            var days = store.RealisedBetween(Client, from, from.AddDays(400), VenueScope.AllVenues).SequenceEqual(ReplayedDays(fills, Client, VenueScope.AllVenues));
            return (positions && days).Label($"positions {positions}, days {days}");
        });
}
