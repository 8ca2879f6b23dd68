using Microsoft.Data.Sqlite;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Storage.Sql;
using Robson.Storage.Sqlite;
using static Robson.Cli.Tests.Persistence.StoredFills;

namespace Robson.Cli.Tests.Persistence;

/// <summary>
/// A database written before positions were kept: opening it creates them from the fills already stored (oldest
/// first), equal to the replay, and marks the entries that already have protection, in the migration's transaction.
/// </summary>
public sealed class PositionsMigrationTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "robson-migration-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_home, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>robson.db at the schema just before positions, written as that version wrote fills and orders.</summary>
    private void CreateAtPreviousVersion(IEnumerable<FillRecord> fills, Action<SqliteConnection>? more = null)
    {
        Directory.CreateDirectory(_home);
        using var db = new SqliteConnection($"Data Source={Path.Combine(_home, SqliteStore.FileName)};Pooling=False");
        db.Open();
        Run(db, string.Join("\n", Schema.Migrations.Take(Schema.PositionsVersion - 1)) + $"\nPRAGMA user_version = {Schema.PositionsVersion - 1};");
        var id = 0;
        foreach (var f in fills)
            Run(db, "INSERT INTO fills (client_id, client_order_id, venue, symbol, side, price, quantity, fee, fee_asset, fee_in_quote, filled_at, venue_trade_id) " +
                    $"VALUES ({f.ClientId.Value}, '{f.ClientOrderId}', '{f.Venue}', '{f.Symbol}', '{f.Side.Wire()}', '{Text.Dec(f.Price)}', '{Text.Dec(f.Quantity)}', " +
                    $"'{Text.Dec(f.Fee)}', 'USDT', '{Text.Dec(f.FeeInQuote)}', '{Text.Time(f.FilledAt)}', 't{++id}')");
        more?.Invoke(db);
    }

    private static void Run(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_DatabaseWithFillsFromBeforePositions_BackfillsWhatTheReplayGives()
    {
        FillRecord[] fills =
        [
            Fill(OrderSide.Buy, 100m, 3m, 0.1m, DayStart.AddDays(-30)),
            Fill(OrderSide.Buy, 60_000m, 1m, 6m, DayStart.AddDays(-30).AddHours(1), venue: "bn"),
            // Stored out of time order: the backfill takes them oldest first, as the replay does.
            Fill(OrderSide.Sell, 120m, 1m, 0.12m, DayStart.AddDays(-2)),
            Fill(OrderSide.Buy, 90m, 2m, 0.09m, DayStart.AddDays(-3)),
            Fill(OrderSide.Sell, 59_000m, 2m, 5.9m, DayStart.AddDays(-1), venue: "bn"),          // beyond what is held
            Fill(OrderSide.Sell, 3_000m, 1m, 0.3m, DayStart.AddDays(-1).AddHours(2), symbol: Eth), // nothing held
            Fill(OrderSide.Sell, 95m, 4m, 0m, DayStart),                                           // closes the position
            Fill(OrderSide.Buy, 10m, 1m, 0m, DayStart, client: OtherClient),
            Fill(OrderSide.Sell, 11m, 1m, 0m, DayStart.AddHours(1), client: OtherClient),
        ];
        CreateAtPreviousVersion(fills);

        using var store = SqliteStore.Open(_home, createIfMissing: false);

        var from = DateOnly.FromDateTime(DayStart.AddDays(-30).UtcDateTime);
        var to = DateOnly.FromDateTime(DayStart.UtcDateTime);
        foreach (var client in new[] { Client, OtherClient })
        {
            Assert.Equal(ReplayedPositions(fills, client), store.Positions(client, null));
            Assert.Equal(ReplayedDays(fills, client, VenueScope.AllVenues), store.RealisedBetween(client, from, to, VenueScope.AllVenues));
        }
        var closed = store.Positions(Client, "paper").Single(p => p.Key.Symbol == Btc).Position;
        Assert.Equal((0m, 0m), (closed.Quantity, closed.CostBasis)); // sold out: nothing held, no cost left behind
    }

    [Fact]
    public void Open_DatabaseFromBeforePositions_KeepsRecordingFromTheBackfilledPositions()
    {
        CreateAtPreviousVersion([Fill(OrderSide.Buy, 100m, 2m, 0m, DayStart.AddDays(-1))]);

        using var store = SqliteStore.Open(_home, createIfMissing: false);
        store.RecordFill(Fill(OrderSide.Sell, 130m, 1m, 0m, DayStart), "t-after");

        Assert.Equal(30m, Assert.Single(store.RealisedBetween(Client, DateOnly.FromDateTime(DayStart.UtcDateTime),
            DateOnly.FromDateTime(DayStart.UtcDateTime), VenueScope.Paper)).Pnl);
        Assert.Equal(new Core.Reporting.Position(1m, 100m, 30m), Assert.Single(store.Positions(Client, null)).Position);
    }

    [Fact]
    public void Open_DatabaseFromBeforePositions_FindsOnlyTheEntriesStillWithoutProtection()
    {
        const string Columns = "client_order_id, client_id, execution_id, plan_id, leg_index, venue, symbol, side, type, quantity, status, " +
                               "reserved_notional, executed_quantity, executed_notional, created_at, day, updated_at, role, protects, stop_price";
        string Order(string id, string role, string? protects, string side, string executed) =>
            $"INSERT INTO orders ({Columns}) VALUES ('{id}', 1, 'e1', 'p1', 0, 'paper', 'BTCUSDT', '{side}', 'MARKET', '1', 'FILLED', '100', '{executed}', " +
            $"'100', '2026-03-13T10:00:00.0000000Z', '2026-03-13', '2026-03-13T10:00:00.0000000Z', '{role}', " +
            (protects is null ? "NULL" : $"'{protects}'") + ", '90')";
        CreateAtPreviousVersion([], db =>
        {
            Run(db, Order("rbs-protected", "ENTRY", null, "BUY", "1"));
            Run(db, Order("rbs-protected-stop", "PROTECTIVE_STOP", "rbs-protected", "SELL", "0"));
            Run(db, Order("rbs-unprotected", "ENTRY", null, "BUY", "1"));
            Run(db, Order("rbs-never-filled", "ENTRY", null, "BUY", "0"));
        });

        using var store = SqliteStore.Open(_home, createIfMissing: false);

        Assert.Equal(["rbs-unprotected"], store.EntriesWithoutProtection(Client, null).Select(o => o.ClientOrderId));
    }
}
