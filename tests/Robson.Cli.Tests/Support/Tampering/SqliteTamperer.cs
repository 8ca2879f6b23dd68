using Microsoft.Data.Sqlite;

namespace Robson.Cli.Tests.Support.Tampering;

/// <summary>Tampers with ROBSON_HOME/robson.db the way sqlite3 would.</summary>
public sealed class SqliteTamperer(string databasePath) : StoreTamperer
{
    private static readonly string[] Triggers =
    [
        "audit_events_no_update", "audit_events_no_delete", "plans_no_update", "plans_no_delete", "validations_no_update",
        "validations_no_delete", "executions_no_update", "executions_no_delete", "fills_no_update", "fills_no_delete", "orders_no_delete",
    ];

    public override void Sql(params string[] statements)
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

    public override T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void DropAppendOnlyGuards() => Sql([.. Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t}")]);
}
