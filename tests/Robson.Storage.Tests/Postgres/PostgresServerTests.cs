using Npgsql;
using Robson.Tests.Shared.Postgres;

namespace Robson.Storage.Tests.Postgres;

/// <summary>The test server itself: what every PostgreSQL test stands on.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public void CreateDatabase_GivesAnEmptyDatabaseOnLoopbackThatAnswersQueries()
    {
        var url = PostgresServer.Shared.CreateDatabase();

        Assert.StartsWith($"postgresql://{PostgresServer.Shared.User}@127.0.0.1:{PostgresServer.Shared.Port}/robson_test_", url);
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(PostgresServer.DatabaseOf(url)));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, command.ExecuteScalar());
    }

    [Fact]
    public void CreateDatabase_EachCallGivesADatabaseOfItsOwn()
    {
        var first = PostgresServer.Shared.CreateDatabase();
        var second = PostgresServer.Shared.CreateDatabase();

        Assert.NotEqual(PostgresServer.DatabaseOf(first), PostgresServer.DatabaseOf(second));
    }

    [Fact]
    public void Server_ListensOnLoopbackOnly()
    {
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand("SHOW listen_addresses", connection);

        Assert.Equal("127.0.0.1", command.ExecuteScalar());
    }

    [Fact]
    public void CreateDatabase_FromATemplate_StartsWithWhatTheTemplateWasGiven()
    {
        var template = PostgresServer.Shared.CreateTemplate(url => Sql(url, "CREATE TABLE seeded (id INT); INSERT INTO seeded VALUES (7)"));

        var copy = PostgresServer.Shared.CreateDatabase(template);
        Sql(copy, "INSERT INTO seeded VALUES (8)");

        Assert.Equal(2L, Sql(copy, "SELECT COUNT(*) FROM seeded"));
        Assert.Equal(1L, Sql(PostgresServer.Shared.CreateDatabase(template), "SELECT COUNT(*) FROM seeded"));
    }

    private static object? Sql(string url, string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(PostgresServer.DatabaseOf(url)));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
