using Npgsql;

namespace Robson.Cli.Tests.Support.Tampering;

/// <summary>
/// Tampers with a PostgreSQL store the way psql as a superuser would: row-level security does not apply to a superuser,
/// and the append-only triggers are dropped first.
/// </summary>
public sealed class PostgresTamperer(string superuserConnectionString) : StoreTamperer
{
    public override void Sql(params string[] statements)
    {
        using var connection = new NpgsqlConnection(superuserConnectionString);
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    public override T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(superuserConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Drops every row trigger that refuses UPDATE or DELETE (<c>*_append_only</c>, <c>*_never_deleted</c>), on whichever table.</summary>
    public override void DropAppendOnlyGuards() => Sql(
        """
        DO $$ DECLARE t record; BEGIN
            FOR t IN SELECT tgname, tgrelid::regclass AS tab FROM pg_trigger
                     WHERE NOT tgisinternal AND (tgname LIKE '%\_append\_only' OR tgname LIKE '%\_never\_deleted') LOOP
                EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tab);
            END LOOP;
        END $$
        """);
}
