using Robson.Tests.Shared.Postgres;

namespace Robson.Cli.Tests.Support.Postgres;

/// <summary>
/// Points a <see cref="Support.Robson"/> harness at a fresh PostgreSQL database of the test run's server, the way a user
/// does: <c>ROBSON_DATABASE_URL</c>, then <c>robson db migrate</c>. The migration runs once per test run, into a template
/// each test's database is copied from (a tenth of a second instead of a migration per test).
/// </summary>
public static class PostgresRobson
{
    private static readonly Lazy<string> MigratedTemplate = new(() => PostgresServer.Shared.CreateTemplate(url =>
    {
        using var robson = new Support.Robson();
        robson.Environment["ROBSON_DATABASE_URL"] = url;
        robson.Expect(0, "db", "migrate");
    }));

    /// <summary>A harness whose commands run on a new, migrated PostgreSQL database (as the server's superuser).</summary>
    public static Support.Robson Create()
    {
        var robson = new Support.Robson();
        Attach(robson);
        return robson;
    }

    /// <summary>Points <paramref name="robson"/> at a new, migrated database; returns its URL.</summary>
    public static string Attach(Support.Robson robson)
    {
        var url = PostgresServer.Shared.CreateDatabase(MigratedTemplate.Value);
        robson.Environment["ROBSON_DATABASE_URL"] = url;
        return url;
    }

    /// <summary>The URL the harness's commands use.</summary>
    public static string Url(this Support.Robson robson) => robson.Environment["ROBSON_DATABASE_URL"];

    /// <summary>An Npgsql connection string to the harness's database as the server's superuser, who is not subject to row-level security.</summary>
    public static string SuperuserConnectionString(this Support.Robson robson) =>
        PostgresServer.Shared.ConnectionString(PostgresServer.DatabaseOf(robson.Url()));
}
