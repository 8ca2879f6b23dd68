using System.Data.Common;
using Microsoft.Data.Sqlite;
using Robson.Core.Domain;
using Robson.Storage.Sql;

namespace Robson.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite connection per process, WAL journal, writers serialised by
/// BEGIN IMMEDIATE (with a busy timeout) so concurrent processes queue instead of racing.
/// </summary>
public sealed partial class SqliteStore : SqlStore
{
    public const string FileName = "robson.db";

    /// <summary>Every file of the store under ROBSON_HOME, for the commands that remove what a refused command created.</summary>
    public static readonly string[] Files = [FileName, FileName + "-wal", FileName + "-shm", FileName + "-journal", AuditHeadsFile.FileName];
    private const int BusyTimeoutMs = 30_000;

    private readonly SqliteConnection _connection;

    private SqliteStore(SqliteConnection connection) : base(connection) => _connection = connection;

    /// <summary>
    /// Opens ROBSON_HOME's database. With <paramref name="createIfMissing"/> false and no database yet, an
    /// empty in-memory store is returned, so read-only commands never create files.
    /// </summary>
    /// <param name="pooled">A server's store: its connection returns to a pool instead of closing.</param>
    /// <param name="checkFiles">Check (and tighten) the home's and the files' permissions: once per command, once per server.</param>
    public static SqliteStore Open(string home, bool createIfMissing, bool pooled = false, bool checkFiles = true)
    {
        if (File.Exists(home))
            throw new StoreUnavailableException($"ROBSON_HOME '{home}' is a file, not a directory");
        var path = Path.Combine(home, FileName);
        if (!File.Exists(path) && !createIfMissing)
            return OpenConnection("Data Source=:memory:", migrate: true, home);
        try
        {
            if (checkFiles)
            {
                PrivateFiles.PrepareHome(home, create: true);
                PrivateFiles.CreateFile(path);
                PrivateFiles.Tighten(path, path + "-wal", path + "-shm");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot create ROBSON_HOME '{home}': {e.Message}", e);
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = createIfMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // A command opens its store once: a pool would only keep the file open. A server reuses its connections.
            Pooling = pooled,
            DefaultTimeout = BusyTimeoutMs / 1000,
        };
        var store = OpenConnection(builder.ToString(), migrate: true, home);
        try
        {
            store.StartWitness(home, checkFiles);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            store.Dispose();
            throw new StoreUnavailableException($"cannot start the audit witness in ROBSON_HOME '{home}': {e.Message.Split('\n')[0]}", e);
        }
        return store;
    }

    private static SqliteStore OpenConnection(string connectionString, bool migrate, string home)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var store = new SqliteStore(connection);
            store.Execute($"PRAGMA busy_timeout = {BusyTimeoutMs}");
            if (migrate) store.Migrate();
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreUnavailableException($"cannot use the database in ROBSON_HOME '{home}': {e.Message.Split('\n')[0]}", e);
        }
    }

    private void Migrate()
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Schema.CurrentVersion)
            throw new StoreUnavailableException($"the database was written by a newer Robson (schema {version} > {Schema.CurrentVersion})");
        if (version == Schema.CurrentVersion) return;

        // Only a new or older database is written to here; an up-to-date one is left untouched.
        Execute("PRAGMA journal_mode = WAL");
        using var tx = BeginExclusiveAllTenants();
        // Read again under the write lock: another process opening the same new database may have migrated it meanwhile.
        version = Convert.ToInt32(Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version >= Schema.CurrentVersion) return;
        for (var v = version; v < Schema.CurrentVersion; v++)
        {
            Execute(Schema.Migrations[v]);
            if (v + 1 == Schema.PositionsVersion)
                BackfillPositions(); // a code step, in the same transaction: positions from the fills already stored
        }
        Execute($"PRAGMA user_version = {Schema.CurrentVersion}");
        tx.Commit();
    }

    /// <summary>
    /// SQLite has one writer: a tenant's lock is the whole database's (BEGIN IMMEDIATE, waiting up to the busy
    /// timeout), so it serves one tenant and every tenant alike, and a joined scope already holds it.
    /// </summary>
    protected override DbTransaction BeginLocked(ClientId? tenant) => _connection.BeginTransaction(deferred: false);

    public override IReadOnlyList<string> TableNames() =>
        Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0));

    protected override bool ReadsImplicitRowid(string table) => TablesOrderedByRowid.Contains(table);
}
