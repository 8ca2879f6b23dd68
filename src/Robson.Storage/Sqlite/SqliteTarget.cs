using Microsoft.Data.Sqlite;
using Robson.Storage.Sql;

namespace Robson.Storage.Sqlite;

/// <summary>robson.db in ROBSON_HOME: migrated by the first command that opens it (embedded, one user).</summary>
internal sealed class SqliteTarget(string home, bool pooled = false) : StoreTarget
{
    private string DatabasePath => Path.Combine(home, SqliteStore.FileName);

    public override string Engine => "sqlite";

    public override string Location => DatabasePath;

    private volatile bool _filesChecked;

    public override SqlStore Open(bool createIfMissing)
    {
        // A server opens the store for every request: the files' permissions are checked by its first open, not by each.
        var store = SqliteStore.Open(home, createIfMissing, pooled, checkFiles: !(pooled && _filesChecked && Exists));
        if (pooled && Exists) _filesChecked = true;
        return store;
    }

    public override StoreTarget Pooled() => new SqliteTarget(home, pooled: true);

    /// <summary>Closing the pool's connections writes the log back into robson.db: whole after the server stops.</summary>
    public override void Dispose()
    {
        if (pooled) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public override bool Exists => File.Exists(DatabasePath);

    public override IReadOnlyList<string> PathsCreatedBy(bool createIfMissing)
    {
        if (!createIfMissing) return [];
        var paths = new List<string>();
        if (!Directory.Exists(home) && !File.Exists(home)) paths.Add(home);
        if (!File.Exists(DatabasePath)) paths.Add(DatabasePath);
        return paths;
    }

    public override SchemaStatus Status()
    {
        var applied = AppliedVersion();
        var pending = Enumerable.Range(applied + 1, Math.Max(0, Schema.CurrentVersion - applied))
            .Select(v => new SchemaMigration(v, $"SQLite schema {v}")).ToList();
        return new SchemaStatus(Engine, Location, applied, Schema.CurrentVersion, pending, MigratesOnOpen: true);
    }

    public override MigrationOutcome Migrate()
    {
        var before = Status();
        if (before.IsNewerThanKnown)
            throw new StoreUnavailableException($"the database was written by a newer Robson (schema {before.AppliedVersion} > {before.KnownVersion})");
        using (SqliteStore.Open(home, createIfMissing: true)) { } // opening migrates, in one transaction
        return new MigrationOutcome(before, Status(), before.Pending);
    }

    /// <summary>PRAGMA user_version, read-only; 0 when there is no database yet.</summary>
    private int AppliedVersion()
    {
        if (File.Exists(home))
            throw new StoreUnavailableException($"ROBSON_HOME '{home}' is a file, not a directory");
        if (!File.Exists(DatabasePath)) return 0;
        var builder = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"cannot read the database in ROBSON_HOME '{home}': {e.Message.Split('\n')[0]}", e);
        }
    }
}
