using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;
using Robson.Core.Reporting;
using Robson.Storage.Sqlite;
using static Robson.Cli.Tests.Persistence.StoredFills;

namespace Robson.Cli.Tests.Persistence;

/// <summary>
/// Recording a fill moves its position and its day's realised P&amp;L in the same transaction, by the average-cost step
/// the replay takes: the daily loss limit and the report read these instead of every fill since the beginning.
/// </summary>
public sealed class PositionsTests : IDisposable
{
    private readonly IRobsonStore _store = SqliteStore.Open(Path.Combine(Path.GetTempPath(), "robson-no-such-home-" + Guid.NewGuid().ToString("N")),
        createIfMissing: false); // an empty in-memory store, migrated like a file

    public void Dispose() => _store.Dispose();

    private void Record(params FillRecord[] fills)
    {
        for (var i = 0; i < fills.Length; i++)
            Assert.True(_store.RecordFill(fills[i], $"t-{Guid.NewGuid():N}"));
    }

    private static readonly DateOnly Day = DateOnly.FromDateTime(DayStart.UtcDateTime);

    [Fact]
    public void RecordFill_KeepsPositionsAndDays_AsTheReplayOfTheFills()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 3m, 0.1m, DayStart.AddHours(1)),             // average 300.1 / 3: does not terminate
            Fill(OrderSide.Buy, 3_000m, 1m, 1m, DayStart.AddHours(2), symbol: Eth),
            Fill(OrderSide.Buy, 60_000m, 1m, 6m, DayStart.AddHours(3), venue: "bn"),
            Fill(OrderSide.Sell, 110m, 1m, 0.11m, DayStart.AddHours(4)),
            Fill(OrderSide.Sell, 59_000m, 1m, 5.9m, DayStart.AddHours(5), venue: "bn"),
            Fill(OrderSide.Sell, 120m, 5m, 0.6m, DayStart.AddDays(1).AddHours(1)),  // beyond what is held
            Fill(OrderSide.Sell, 2_900m, 0.5m, 0.2m, DayStart.AddDays(1).AddHours(2), symbol: Eth),
            Fill(OrderSide.Buy, 50m, 1m, 0m, DayStart.AddHours(6), client: OtherClient),
        ];
        Record(fills);

        Assert.Equal(ReplayedPositions(fills, Client), _store.Positions(Client, null));
        Assert.Equal(ReplayedDays(fills, Client, VenueScope.AllVenues), _store.RealisedBetween(Client, Day, Day.AddDays(1), VenueScope.AllVenues));
        Assert.Equal(ReplayedDays(fills, Client, VenueScope.Paper), _store.RealisedBetween(Client, Day, Day.AddDays(1), VenueScope.Paper));
        Assert.Equal(ReplayedDays(fills, Client, VenueScope.RealVenues), _store.RealisedBetween(Client, Day, Day.AddDays(1), VenueScope.RealVenues));
    }

    [Fact]
    public void RealisedBetween_ReadsTheDaysAsked_AndOnlyTheTenantsOwn()
    {
        Record(
            Fill(OrderSide.Buy, 100m, 2m, 0m, DayStart.AddHours(1)),
            Fill(OrderSide.Sell, 110m, 1m, 0m, DayStart.AddHours(2)),
            Fill(OrderSide.Sell, 130m, 1m, 0m, DayStart.AddDays(1).AddHours(2)),
            Fill(OrderSide.Sell, 1m, 1m, 1m, DayStart.AddHours(3), client: OtherClient));

        var second = Assert.Single(_store.RealisedBetween(Client, Day.AddDays(1), Day.AddDays(1), VenueScope.AllVenues));
        Assert.Equal(new RealisedDay("paper", Btc, Day.AddDays(1), 30m, 1), second);
        Assert.Equal(10m, Assert.Single(_store.RealisedBetween(Client, Day, Day, VenueScope.Paper)).Pnl);
        Assert.Empty(_store.RealisedBetween(Client, Day, Day, VenueScope.RealVenues));
        Assert.Equal(-1m, Assert.Single(_store.RealisedBetween(OtherClient, Day, Day, VenueScope.AllVenues)).Pnl);
    }

    [Fact]
    public void RecordFill_TheSameTradeTwice_MovesThePositionOnce()
    {
        var fill = Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart);

        Assert.True(_store.RecordFill(fill, "trade-1"));
        Assert.False(_store.RecordFill(fill, "trade-1"));

        Assert.Equal(new Position(1m, 100m, 0m), Assert.Single(_store.Positions(Client, "paper")).Position);
    }

    [Fact]
    public void RecordFill_RolledBack_LeavesNoPositionBehind()
    {
        using (_store.BeginExclusive(Client))
            Assert.True(_store.RecordFill(Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart), "trade-1")); // no commit

        Assert.Empty(_store.Positions(Client, null));
        Assert.Empty(_store.LiveFillsBetween(Client, Day, Day));
    }

    [Fact]
    public void RecordFill_LateWithAnEarlierTime_IsBookedAtTheCostBasisCurrentWhenRecorded()
    {
        Record(
            Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart.AddHours(1)),
            Fill(OrderSide.Sell, 120m, 1m, 0m, DayStart.AddHours(3)));
        // Reconcile finds a buy that happened between the two, after the sell was recorded.
        Record(Fill(OrderSide.Buy, 50m, 1m, 0m, DayStart.AddHours(2)));

        // The sell stays booked against the cost basis it met (100): +20, not +45 against a replayed average of 75.
        Assert.Equal(20m, Assert.Single(_store.RealisedBetween(Client, Day, Day, VenueScope.Paper)).Pnl);
        Assert.Equal(new Position(1m, 50m, 20m), Assert.Single(_store.Positions(Client, "paper")).Position);
    }

    [Fact]
    public void Positions_OfOneVenue_LeaveTheOthersOut()
    {
        Record(Fill(OrderSide.Buy, 100m, 1m, 0m, DayStart), Fill(OrderSide.Buy, 60_000m, 1m, 0m, DayStart, venue: "bn"));

        Assert.Equal([new VenueSymbol("bn", Btc)], _store.Positions(Client, "bn").Select(p => p.Key));
    }
}
