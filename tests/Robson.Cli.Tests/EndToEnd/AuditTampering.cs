using Microsoft.Data.Sqlite;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Changes robson.db behind Robson's back, the way someone with file access could.</summary>
internal static class AuditTampering
{
    public static void Sql(string databasePath, params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    public static T Scalar<T>(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public const string DropTriggers = "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;";
}
