using Microsoft.Data.Sqlite;
using Robson.Core.Domain;
using Robson.Storage.Sql;
using Robson.Storage.Sqlite;

namespace Robson.Cli.Tests.Persistence;

/// <summary>
/// What an execution reads does not grow with the tenant's history: SQLite's plan for each such query searches an index
/// that holds only the rows asked for (open orders, unprotected entries, paper orders holding funds, the days asked),
/// never the tenant's past. A partial index is used only when the query repeats its WHERE exactly, so a change to
/// either side that breaks the match fails here.
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "robson-plan-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteConnection _db;

    public QueryPlanTests()
    {
        SqliteStore.Open(_home, createIfMissing: true).Dispose();
        _db = new SqliteConnection($"Data Source={Path.Combine(_home, SqliteStore.FileName)};Pooling=False");
        _db.Open();
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_home, recursive: true); }
        catch (IOException) { }
    }

    private string PlanOf(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "@c", "@v", "@from", "@to", "@paper" })
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, name == "@c" ? 1 : "paper");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    [Theory]
    [InlineData("unresolved", "orders_unresolved")]
    [InlineData("resting", "orders_resting")]
    [InlineData("unprotected", "orders_unprotected")]
    [InlineData("paper-locked", "paper_order_details_locked")]
    public void OpenThings_AreFoundThroughAnIndexOfOpenThingsOnly(string query, string index)
    {
        var sql = query switch
        {
            "unresolved" => SqlStore.UnresolvedOrdersSql,
            "resting" => SqlStore.RestingOrdersSql,
            "unprotected" => SqlStore.EntriesWithoutProtectionSql,
            _ => SqlStore.PaperLockedSql,
        };

        var plan = PlanOf(sql);

        Assert.Contains($"USING INDEX {index} ", plan + " ");
        Assert.DoesNotContain("SCAN", plan.Split('\n')[0]);
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("real")]
    [InlineData("all")]
    public void RealisedPnl_OfSomeDays_IsARangeOfThoseDays(string scope)
    {
        var plan = PlanOf(SqlStore.RealisedBetweenSql(scope switch { "paper" => VenueScope.Paper, "real" => VenueScope.RealVenues, _ => VenueScope.AllVenues }));

        Assert.Contains("SEARCH realised_pnl_days USING INDEX sqlite_autoindex_realised_pnl_days_1 (client_id=? AND day>? AND day<?)", plan);
    }
}
