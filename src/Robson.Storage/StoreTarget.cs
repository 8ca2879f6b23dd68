using Robson.Storage.Postgres;
using Robson.Storage.Sql;
using Robson.Storage.Sqlite;

namespace Robson.Storage;

/// <summary>
/// Which store a process uses, decided in one place: PostgreSQL when <c>ROBSON_DATABASE_URL</c> is set (several
/// processes and machines share it), otherwise SQLite in ROBSON_HOME (the default, embedded).
/// </summary>
public abstract class StoreTarget : IDisposable
{
    public const string DatabaseUrlVariable = "ROBSON_DATABASE_URL";

    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Engine { get; }

    /// <summary>The SQLite file or the PostgreSQL URL without its password: safe to print.</summary>
    public abstract string Location { get; }

    /// <summary>
    /// Chooses the store. A malformed URL throws <see cref="StoreUnavailableException"/> (a one-line reason that never
    /// repeats the URL, which may hold a password).
    /// </summary>
    public static StoreTarget Choose(string robsonHome, string? databaseUrl) => string.IsNullOrWhiteSpace(databaseUrl)
        ? new SqliteTarget(robsonHome)
        : new PostgresTarget(PostgresUrl.Parse(databaseUrl));

    /// <summary>
    /// The store for an ordinary command. With <paramref name="createIfMissing"/> false nothing is created (SQLite: an
    /// empty in-memory store stands in for a missing file). A schema newer than this Robson's is refused; PostgreSQL
    /// also refuses an older or empty one (run <c>robson db migrate</c>).
    /// </summary>
    public abstract SqlStore Open(bool createIfMissing);

    /// <summary>Files and folders that opening with <paramref name="createIfMissing"/> would create (removed again if the command is refused).</summary>
    public abstract IReadOnlyList<string> PathsCreatedBy(bool createIfMissing);

    /// <summary>Whether the store holds data already (a server database always may; a SQLite file once it exists).</summary>
    public abstract bool Exists { get; }

    /// <summary>The schema's state, read without changing or creating anything.</summary>
    public abstract SchemaStatus Status();

    /// <summary>Applies the pending migrations in one transaction (refusing a database newer than this Robson).</summary>
    public abstract MigrationOutcome Migrate();

    /// <summary>
    /// The same store for a long-lived process that opens it for every request (<c>robson serve</c>): connections are
    /// pooled and kept open (SQLite keeps its schema parsed and its write-ahead log; PostgreSQL its sessions, each reset
    /// when it returns to the pool, so a tenant binding never outlives its store). A CLI command opens one store once
    /// and uses the target as it is. Dispose the pooled target when the process stops.
    /// </summary>
    public abstract StoreTarget Pooled();

    public virtual void Dispose() { }
}
