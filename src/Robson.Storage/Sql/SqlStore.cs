using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Storage.Sql;

/// <summary>
/// The store's queries, written once for every SQL engine: portable SQL over System.Data.Common, parameters named
/// <c>@name</c>, amounts bound as canonical decimal text and times as <see cref="Text.Time"/> strings. An engine's
/// subclass opens the connection, migrates its schema and says how a write lock is taken.
/// </summary>
/// <remarks>
/// Ties in time order are broken by <c>rowid</c>, the insertion order: SQLite's implicit rowid, and on an engine
/// without one a real column of that name (PostgreSQL: <c>rowid BIGINT GENERATED ALWAYS AS IDENTITY</c>) on plans,
/// validations, executions, orders and paper_orders.
/// An optional filter names its parameter's type once, <c>(CAST(@v AS TEXT) IS NULL OR venue = @v)</c>: PostgreSQL
/// cannot type a NULL parameter from <c>@v IS NULL</c> alone.
/// </remarks>
public abstract partial class SqlStore : IRobsonStore
{
    private readonly DbConnection _connection;
    private DbTransaction? _transaction;

    protected SqlStore(DbConnection connection) => _connection = connection;

    /// <summary>The open write transaction, if any (an engine's own steps, such as its migrations, join it).</summary>
    protected DbTransaction? CurrentTransaction => _transaction;

    /// <summary>
    /// Starts a transaction holding the write lock of <paramref name="tenant"/>, or of every tenant when null,
    /// waiting for it if another process holds it.
    /// </summary>
    protected abstract DbTransaction BeginLocked(ClientId? tenant);

    /// <summary>
    /// A scope asked for inside an open transaction joins it (the outer scope commits or rolls back). An engine that
    /// locks per tenant must also take <paramref name="tenant"/>'s lock here (null: every tenant): the open
    /// transaction may hold another tenant's lock only. An engine with one lock for all tenants already holds it.
    /// </summary>
    protected virtual void LockWithin(DbTransaction transaction, ClientId? tenant) { }

    /// <summary>
    /// Binds this store's session to one tenant: an engine with row-level security then refuses to read or write any other
    /// tenant's rows, whatever the SQL asks for. An engine without it (SQLite: one local user) ignores this.
    /// </summary>
    public virtual void BindTenant(ClientId tenant) { }

    /// <summary>Binds this store's session to every tenant: the operator's view (commands without a tenant).</summary>
    public virtual void BindAllTenants() { }

    /// <summary>
    /// The audit log's next global sequence number. The default (one more than the largest) is exact only under one
    /// writer for the whole database; an engine that locks per tenant draws it from a sequence instead.
    /// </summary>
    protected virtual long NextAuditSequence() =>
        Convert.ToInt64(Scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>After the outermost transaction committed (an engine with a witness outside the database writes it now).</summary>
    protected virtual void Committed() { }

    /// <summary>After the outermost transaction rolled back.</summary>
    protected virtual void RolledBack() { }

    public ITransactionScope BeginExclusive(ClientId tenant) => BeginWrite(tenant);

    public ITransactionScope BeginExclusiveAllTenants() => BeginWrite(null);

    private ITransactionScope BeginWrite(ClientId? tenant)
    {
        if (_transaction is not null)
        {
            LockWithin(_transaction, tenant);
            return new JoinedScope();
        }
        _transaction = BeginLocked(tenant);
        return new Scope(this);
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }

    protected DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in parameters)
            AddParameter(command, name, value);
        return command;
    }

    /// <summary>
    /// Binds one value. Integers go as 64-bit; a decimal or floating value is refused because amounts are bound as
    /// <see cref="Text.Dec"/> text, never through a double. An engine needing explicit types (a NULL whose type the
    /// SQL cannot infer) overrides this.
    /// </summary>
    protected virtual void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            int i => (long)i,
            decimal or double or float => throw new ArgumentException($"parameter {name}: bind amounts as canonical decimal text (Text.Dec)", nameof(value)),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }

    protected int Execute(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    protected object? Scalar(string sql, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    protected List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>Like <see cref="Query{T}"/>, one row at a time: for exports that must not hold a whole history in memory.</summary>
    protected IEnumerable<T> Stream<T>(string sql, Func<DbDataReader, T> map, params (string, object?)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return map(reader);
    }

    private sealed class Scope(SqlStore store) : ITransactionScope
    {
        private bool _done;

        public void Commit()
        {
            store._transaction!.Commit();
            Finish();
            store.Committed();
        }

        public void Dispose()
        {
            if (_done) return;
            store._transaction?.Rollback();
            Finish();
            store.RolledBack();
        }

        private void Finish()
        {
            store._transaction?.Dispose();
            store._transaction = null;
            _done = true;
        }
    }

    private sealed class JoinedScope : ITransactionScope
    {
        public void Commit() { }
        public void Dispose() { }
    }
}
