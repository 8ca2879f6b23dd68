using Microsoft.Data.Sqlite;
using Robson.Core.Ports;

namespace Robson.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite connection per process, WAL journal, writers serialised by
/// BEGIN IMMEDIATE (with a busy timeout) so concurrent processes queue instead of racing.
/// </summary>
public sealed partial class SqliteStore : IRobsonStore
{
    public const string FileName = "robson.db";
    private const int BusyTimeoutMs = 30_000;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>
    /// Opens ROBSON_HOME's database. With <paramref name="createIfMissing"/> false and no database yet, an
    /// empty in-memory store is returned, so read-only commands never create files.
    /// </summary>
    public static SqliteStore Open(string home, bool createIfMissing)
    {
        if (File.Exists(home))
            throw new StoreUnavailableException($"ROBSON_HOME '{home}' is a file, not a directory");
        var path = Path.Combine(home, FileName);
        if (!File.Exists(path) && !createIfMissing)
            return OpenConnection("Data Source=:memory:", migrate: true, home);
        if (!File.Exists(path))
        {
            try { Directory.CreateDirectory(home); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"cannot create ROBSON_HOME '{home}': {e.Message}", e);
            }
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = createIfMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMs / 1000,
        };
        return OpenConnection(builder.ToString(), migrate: true, home);
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
        using var tx = BeginWrite();
        for (var v = version; v < Schema.CurrentVersion; v++)
            Execute(Schema.Migrations[v]);
        Execute($"PRAGMA user_version = {Schema.CurrentVersion}");
        tx.Commit();
    }

    /// <summary>SQLite has one writer: a tenant's lock is the whole database's (BEGIN IMMEDIATE), so it serves both.</summary>
    public ITransactionScope BeginExclusive(Core.Domain.ClientId tenant) => BeginWrite();

    public ITransactionScope BeginExclusiveAllTenants() => BeginWrite();

    private ITransactionScope BeginWrite()
    {
        if (_transaction is not null)
            return new JoinedScope();
        _transaction = _connection.BeginTransaction(deferred: false);
        return new Scope(this);
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }

    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    internal int Execute(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    internal object? Scalar(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    internal List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    private sealed class Scope(SqliteStore store) : ITransactionScope
    {
        private bool _done;

        public void Commit()
        {
            store._transaction!.Commit();
            Finish();
        }

        public void Dispose()
        {
            if (_done) return;
            store._transaction?.Rollback();
            Finish();
        }

        private void Finish()
        {
            store._transaction?.Dispose();
            store._transaction = null;
            _done = true;
        }
    }

    /// <summary>A scope inside an open transaction: the outer scope commits or rolls back.</summary>
    private sealed class JoinedScope : ITransactionScope
    {
        public void Commit() { }
        public void Dispose() { }
    }
}

internal static class ReaderExtensions
{
    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    public static long? NullableInt64(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
