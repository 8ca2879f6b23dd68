using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Storage.Sql;

/// <summary>
/// Positions (tenant, venue, symbol) and the realised P&amp;L of each position and UTC day, kept as fills are recorded so
/// that the daily limits and reports never replay history. Both move by <see cref="Position.Apply(FillRecord)"/>, the
/// step <see cref="RealisedPnl"/> replays, in the order fills are recorded: a fill recorded late with an earlier time is
/// booked at the cost basis current when it is recorded, on its own UTC day (history is never rewritten).
/// Amounts are canonical decimal text, so the arithmetic is done here, never in SQL.
/// </summary>
public abstract partial class SqlStore
{
    /// <summary>Books a fill just recorded, in RecordFill's transaction: one step of its position, a sell's P&amp;L added to its day.</summary>
    private void Book(FillRecord fill)
    {
        var key = new VenueSymbol(fill.Venue, fill.Symbol);
        var (after, realised) = FindPosition(fill.ClientId, key).Apply(fill);
        WritePosition(fill.ClientId, key, after);
        if (realised is { } pnl)
            AddRealised(fill.ClientId, key, DateOnly.FromDateTime(fill.FilledAt.UtcDateTime), pnl, 1);
    }

    private Position FindPosition(ClientId clientId, VenueSymbol key) =>
        Query("SELECT quantity, cost_basis, realised_pnl FROM positions WHERE client_id = @c AND venue = @v AND symbol = @s", ReadPosition,
            ("@c", clientId.Value), ("@v", key.Venue), ("@s", key.Symbol.Value)) is [var found] ? found : Position.Flat;

    private void WritePosition(ClientId clientId, VenueSymbol key, Position position) =>
        Execute("INSERT INTO positions (client_id, venue, symbol, quantity, cost_basis, realised_pnl) VALUES (@c, @v, @s, @q, @cb, @r) " +
                "ON CONFLICT (client_id, venue, symbol) DO UPDATE SET quantity = @q, cost_basis = @cb, realised_pnl = @r",
            ("@c", clientId.Value), ("@v", key.Venue), ("@s", key.Symbol.Value), ("@q", Text.Dec(position.Quantity)),
            ("@cb", Text.Dec(position.CostBasis)), ("@r", Text.Dec(position.RealisedPnl)));

    private void AddRealised(ClientId clientId, VenueSymbol key, DateOnly day, decimal pnl, int sales)
    {
        var parameters = new (string, object?)[] { ("@c", clientId.Value), ("@d", Text.Day(day)), ("@v", key.Venue), ("@s", key.Symbol.Value) };
        var (sum, count) = Query("SELECT pnl, sales FROM realised_pnl_days WHERE client_id = @c AND day = @d AND venue = @v AND symbol = @s",
            r => (r.Dec(0), r.GetInt32(1)), parameters) is [var found] ? found : (0m, 0);
        Execute("INSERT INTO realised_pnl_days (client_id, day, venue, symbol, pnl, sales) VALUES (@c, @d, @v, @s, @pnl, @n) " +
                "ON CONFLICT (client_id, day, venue, symbol) DO UPDATE SET pnl = @pnl, sales = @n",
            [.. parameters, ("@pnl", Text.Dec(sum + pnl)), ("@n", count + sales)]);
    }

    internal static string RealisedBetweenSql(VenueScope scope) =>
        $"SELECT venue, symbol, day, pnl, sales FROM realised_pnl_days WHERE client_id = @c AND day >= @from AND day <= @to AND {InScope(scope)}";

    public IReadOnlyList<RealisedDay> RealisedBetween(ClientId clientId, DateOnly from, DateOnly to, VenueScope scope) =>
        Query(RealisedBetweenSql(scope),
                r => new RealisedDay(r.GetString(0), Symbol.From(r.GetString(1)), Text.ParseDay(r.GetString(2)), r.Dec(3), r.GetInt32(4)),
                ("@c", clientId.Value), ("@from", Text.Day(from)), ("@to", Text.Day(to)), ("@paper", VenueScope.PaperVenue))
            .OrderBy(r => r.Day).ThenBy(r => r.Venue, StringComparer.Ordinal).ThenBy(r => r.Symbol.Value, StringComparer.Ordinal).ToList();

    public IReadOnlyList<HeldPosition> Positions(ClientId clientId, string? venue) =>
        Query("SELECT venue, symbol, quantity, cost_basis, realised_pnl FROM positions WHERE client_id = @c AND (CAST(@v AS TEXT) IS NULL OR venue = @v)",
                r => new HeldPosition(new VenueSymbol(r.GetString(0), Symbol.From(r.GetString(1))),
                    new Position(r.Dec(2), r.Dec(3), r.Dec(4))),
                ("@c", clientId.Value), ("@v", venue))
            .OrderBy(p => p.Key.Venue, StringComparer.Ordinal).ThenBy(p => p.Key.Symbol.Value, StringComparer.Ordinal).ToList();

    public IReadOnlyList<FillRecord> LiveFillsBetween(ClientId clientId, DateOnly from, DateOnly to) =>
        Query($"SELECT {FillColumns} FROM fills WHERE client_id = @c AND filled_at >= @from AND filled_at < @end ORDER BY filled_at, id", ReadFill,
            ("@c", clientId.Value), ("@from", Text.Day(from)), ("@end", Text.Day(to.AddDays(1))));

    /// <summary>
    /// For the migration that introduces positions: every position and day computed once from the fills already stored,
    /// oldest first (filled_at, then insertion), each by the same <see cref="Position.Apply(FillRecord)"/> step, and
    /// written. Call it in the migration's transaction, on empty positions and realised_pnl_days tables.
    /// </summary>
    protected void BackfillPositions()
    {
        var positions = new Dictionary<(long Client, VenueSymbol Key), Position>();
        var days = new Dictionary<(long Client, VenueSymbol Key, DateOnly Day), (decimal Pnl, int Sales)>();
        using (var command = Command($"SELECT {FillColumns} FROM fills ORDER BY filled_at, id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var fill = ReadFill(reader);
                var at = (fill.ClientId.Value, new VenueSymbol(fill.Venue, fill.Symbol));
                var (after, realised) = positions.GetValueOrDefault(at, Position.Flat).Apply(fill);
                positions[at] = after;
                if (realised is not { } pnl) continue;
                var day = (at.Item1, at.Item2, DateOnly.FromDateTime(fill.FilledAt.UtcDateTime));
                var (sum, sales) = days.GetValueOrDefault(day);
                days[day] = (sum + pnl, sales + 1);
            }
        }
        foreach (var ((client, key), position) in positions)
            WritePosition(ClientId.From(client), key, position);
        foreach (var ((client, key, day), (pnl, sales)) in days)
            AddRealised(ClientId.From(client), key, day, pnl, sales);
    }

    private static Position ReadPosition(DbDataReader r) =>
        new(r.Dec(0), r.Dec(1), r.Dec(2));
}
