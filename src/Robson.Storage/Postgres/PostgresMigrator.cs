using Npgsql;
using Robson.Storage.Sql;

namespace Robson.Storage.Postgres;

/// <summary>
/// Reads and advances the PostgreSQL schema. Migrating is an operator's act (<c>robson db migrate</c>): several instances
/// share the database, so none migrates it as a side effect of an ordinary command.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The last version recorded in schema_migrations; 0 when the table does not exist (an empty database).</summary>
    public static int AppliedVersion(PostgresStore store) => AppliedVersion(store.Connection, null);

    private static int AppliedVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        // Two statements: a table named in a query must exist when it is planned, even in a branch never taken.
        using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction);
        if (exists.ExecuteScalar() is not true) return 0;
        using var version = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", connection, transaction);
        return Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static SchemaStatus Status(PostgresUrl url)
    {
        using var store = PostgresStore.Connect(url);
        return Status(url, store.Connection, null);
    }

    private static SchemaStatus Status(PostgresUrl url, NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var applied = AppliedVersion(connection, transaction);
        var (role, bypasses) = Role(connection, transaction);
        var pending = PostgresSchema.Migrations.Where(m => m.Version > applied).Select(m => new SchemaMigration(m.Version, m.Name)).ToList();
        return new SchemaStatus("postgresql", url.Redacted, applied, PostgresSchema.CurrentVersion, pending, MigratesOnOpen: false)
        {
            Role = role,
            BypassesRowSecurity = bypasses,
        };
    }

    /// <summary>The connected role, and whether row-level security applies to it (not to a superuser nor a BYPASSRLS role).</summary>
    private static (string Role, bool BypassesRowSecurity) Role(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT current_user::text, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
            connection, transaction);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    /// <summary>
    /// Applies every pending migration in one transaction that holds the migration lock (two instances never migrate at
    /// once: the second waits, then finds nothing left to do) and every tenant's lock (no command writes meanwhile), and
    /// sees every tenant's rows, as a migration that moves data must. A database newer than this Robson is refused.
    /// </summary>
    public static MigrationOutcome Migrate(PostgresUrl url)
    {
        using var store = PostgresStore.Connect(url);
        return store.Migrating(transaction =>
        {
            var connection = store.Connection;
            Run(connection, transaction, AdvisoryKeys.Migration);
            Run(connection, transaction, $"SELECT set_config('robson.tenant', '{TenantScope.All}', true)");
            var before = Status(url, connection, transaction);
            if (before.IsNewerThanKnown)
                throw new StoreUnavailableException(
                    $"the database {url.Redacted} was written by a newer Robson (schema {before.AppliedVersion} > {before.KnownVersion})");
            Run(connection, transaction, PostgresSchema.VersionTable);
            foreach (var migration in PostgresSchema.Migrations.Where(m => m.Version > before.AppliedVersion))
            {
                Run(connection, transaction, migration.Sql);
                migration.Then?.Invoke(store);
                using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", connection, transaction);
                record.Parameters.Add(new NpgsqlParameter<int>("v", migration.Version));
                record.Parameters.Add(new NpgsqlParameter<string>("n", migration.Name));
                record.ExecuteNonQuery();
            }
            return new MigrationOutcome(before, Status(url, connection, transaction), before.Pending);
        });
    }

    private static void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
