using Microsoft.Data.Sqlite;
using Npgsql;
using Robson.Cli.Tests.Support;
using Robson.Tests.Shared.Postgres;

namespace Robson.Cli.Tests.EndToEnd.Postgres;

/// <summary>
/// `robson db copy --to postgresql://…` moves a SQLite store up to PostgreSQL: every row, exactly, in one transaction;
/// the copy then answers exactly as the SQLite store did and keeps working. A wrong target or source changes nothing.
/// </summary>
public sealed class DbCopyTests : IDisposable
{
    /// <summary>A password in the URL: the server trusts 127.0.0.1, so any password connects, and none may be shown.</summary>
    private const string Password = "canary-pw-7f3a";

    private readonly Support.Robson _robson = new();
    private readonly List<CliRun> _runs = [];

    public DbCopyTests()
    {
        // Client 1: a LIVE strategy, a plan validated and executed LIVE on paper (orders, fills, positions); client 2: a plan.
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        _robson.Plan("2", "sell", "ETHUSDT", "0.01");
    }

    public void Dispose()
    {
        // Whatever a test ran, the password of a URL never appears in what Robson printed.
        Assert.All(_runs, r => Assert.DoesNotContain(Password, r.Stdout + r.Stderr));
        _robson.Dispose();
    }

    private CliRun Expect(int exitCode, params string[] args)
    {
        var run = _robson.Expect(exitCode, args);
        _runs.Add(run);
        return run;
    }

    /// <summary>An empty database, its URL with a password (<see cref="Password"/>).</summary>
    private static string EmptyDatabaseWithPassword()
    {
        var url = PostgresServer.Shared.CreateDatabase();
        var server = PostgresServer.Shared;
        return url.Replace($"//{server.User}@", $"//{server.User}:{Password}@", StringComparison.Ordinal);
    }

    private long SqliteRows(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_robson.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    private static Dictionary<string, long> PostgresRows(string url, IEnumerable<string> tables)
    {
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(PostgresServer.DatabaseOf(url)));
        connection.Open();
        return tables.ToDictionary(t => t, t =>
        {
            using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{t}\"", connection);
            return (long)command.ExecuteScalar()!;
        });
    }

    [Fact]
    public void Copy_IntoAnEmptyDatabase_ReportsEveryTablesRows_AndTheCopyAnswersAsSqliteDid_AndKeepsWorking()
    {
        var url = EmptyDatabaseWithPassword();
        var report = Expect(0, "report", "--client-id", "1", "--json").Stdout;
        var executions = Expect(0, "executions", "list", "--client-id", "1", "--json").Stdout;

        var copy = Expect(0, "db", "copy", "--to", url, "--json").Json;

        var tables = copy.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("table").GetString()!, t => t.GetProperty("rows").GetInt64());
        Assert.All(tables, t => Assert.True(SqliteRows(t.Key) == t.Value, $"table {t.Key}: reported {t.Value} rows, SQLite has {SqliteRows(t.Key)}"));
        Assert.All(new[] { "strategies", "plans", "validations", "executions", "orders", "fills", "audit_events" },
            t => Assert.True(tables.GetValueOrDefault(t) > 0, $"table {t} is not reported with its rows"));
        Assert.Equal(tables.Values.Sum(), copy.GetProperty("rows").GetInt64());
        Assert.Equal(PostgresRows(url, tables.Keys), tables);

        _robson.Environment["ROBSON_DATABASE_URL"] = url;
        Expect(0, "audit", "verify", "--all-tenants");
        Assert.Equal(report, Expect(0, "report", "--client-id", "1", "--json").Stdout);
        Assert.Equal(executions, Expect(0, "executions", "list", "--client-id", "1", "--json").Stdout);

        var strategy = Expect(0, "strategy", "list", "--client-id", "1", "--json").Json.GetProperty("strategies")[0].GetProperty("strategy_id").GetInt64().ToString();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.02");
        Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        Expect(0, "audit", "verify", "--all-tenants");
    }

    [Fact]
    public void Copy_IntoADatabaseThatIsNotEmpty_ExitsTwo_AndChangesNothing()
    {
        var url = EmptyDatabaseWithPassword();
        var tables = Expect(0, "db", "copy", "--to", url, "--json").Json.GetProperty("tables").EnumerateArray()
            .Select(t => t.GetProperty("table").GetString()!).ToList();
        var before = PostgresRows(url, tables);

        var again = Expect(2, "db", "copy", "--to", url, "--json");

        Assert.Contains("not empty", again.Json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("", again.Stderr);
        Assert.Equal(before, PostgresRows(url, tables));
    }

    [Theory]
    [InlineData("sqlite:///tmp/robson.db")]
    [InlineData("mysql://robson:canary-pw-7f3a@127.0.0.1/robson")]
    public void Copy_ToAUrlThatIsNotPostgresql_ExitsTwo(string url)
    {
        var run = Expect(2, "db", "copy", "--to", url);

        Assert.Contains("postgresql://", run.Stderr);
    }

    [Fact]
    public void Copy_WithoutASqliteStore_ExitsTwo_AndWritesNothingToTheTarget()
    {
        using var empty = new Support.Robson();
        var url = EmptyDatabaseWithPassword();

        var run = empty.Expect(2, "db", "copy", "--to", url);
        _runs.Add(run);

        Assert.Contains("no SQLite store", run.Stderr);
        Assert.False(File.Exists(empty.DatabasePath));
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(PostgresServer.DatabaseOf(url)));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }
}
