using Robson.Core.Audit;
using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Storage.Sql;

namespace Robson.Storage.Postgres;

/// <summary>
/// The shared store: several Robson processes on several machines use one PostgreSQL database. Writes are serialised per
/// tenant by transaction-scoped advisory locks, so one tenant never waits for another; the schema is migrated by an operator
/// (<c>robson db migrate</c>), never by an ordinary command; each session is bound to one tenant (or to every tenant, the
/// operator's view) and row-level security keeps it there.
/// </summary>
public sealed class PostgresStore : SqlStore
{
    private readonly NpgsqlConnection _connection;

    private PostgresStore(NpgsqlConnection connection) : base(connection) => _connection = connection;

    /// <summary>
    /// Connects and checks the schema is the one this Robson knows: newer is refused (written by a newer Robson), older
    /// or empty is refused with "run robson db migrate". The session starts bound to no tenant: it sees no tenant's rows
    /// until <see cref="BindTenant"/> or <see cref="BindAllTenants"/>.
    /// </summary>
    public static PostgresStore Open(PostgresUrl url, NpgsqlDataSource? pool = null)
    {
        var store = Connect(url, pool);
        try
        {
            var applied = PostgresMigrator.AppliedVersion(store);
            if (applied > PostgresSchema.CurrentVersion)
                throw new StoreUnavailableException(
                    $"the database {url.Redacted} was written by a newer Robson (schema {applied} > {PostgresSchema.CurrentVersion})");
            if (applied == 0)
                throw new StoreUnavailableException($"the database {url.Redacted} has no Robson schema yet: run robson db migrate");
            if (applied < PostgresSchema.CurrentVersion)
                throw new StoreUnavailableException(
                    $"the database {url.Redacted} is at schema {applied}, this Robson needs {PostgresSchema.CurrentVersion}: run robson db migrate");
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Connects without looking at the schema: for <c>db status</c> and <c>db migrate</c>.</summary>
    internal static PostgresStore Connect(PostgresUrl url, NpgsqlDataSource? pool = null)
    {
        var connection = (pool ?? DataSource(url, pooled: false)).CreateConnection();
        try
        {
            connection.Open();
            return new PostgresStore(connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new StoreUnavailableException($"cannot connect to {url.Redacted}: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>Connections to <paramref name="url"/>: one per store for a command; pooled for a server (reset when returned).</summary>
    internal static NpgsqlDataSource DataSource(PostgresUrl url, bool pooled) =>
        new NpgsqlSlimDataSourceBuilder(url.ConnectionString(pooled)).EnableTransportSecurity().Build();

    public override void BindTenant(ClientId tenant) => Bind(tenant.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override void BindAllTenants() => Bind(TenantScope.All);

    private void Bind(string scope) => Scalar("SELECT set_config('robson.tenant', @scope, false)", ("@scope", scope));

    /// <summary>
    /// READ COMMITTED is enough: every statement after the lock reads what the previous holder committed. A tenant's
    /// transaction holds the global key shared and its tenant's key exclusively; every tenant's (a paper price that fills
    /// any tenant's resting orders) holds the global key exclusively, so it waits for every tenant's and they for it.
    /// </summary>
    protected override DbTransaction BeginLocked(ClientId? tenant)
    {
        var transaction = _connection.BeginTransaction(IsolationLevel.ReadCommitted);
        try
        {
            Lock(transaction, tenant, joined: false);
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>A scope joined inside another tenant's transaction takes its own tenant's lock too (the global key is held already, shared).</summary>
    protected override void LockWithin(DbTransaction transaction, ClientId? tenant) => Lock(transaction, tenant, joined: true);

    private void Lock(DbTransaction transaction, ClientId? tenant, bool joined)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction;
        command.CommandText = tenant is { } t
            ? (joined ? "" : AdvisoryKeys.SharedGlobal + "; ") + AdvisoryKeys.Tenant
            : AdvisoryKeys.ExclusiveGlobal;
        if (tenant is { } id)
            command.Parameters.Add(new NpgsqlParameter<long>("tenant", id.Value));
        command.ExecuteNonQuery();
    }

    /// <summary>Tenants append at once under their own locks, so the global order comes from the identity's sequence.</summary>
    protected override long NextAuditSequence() =>
        Convert.ToInt64(Scalar("SELECT nextval(pg_get_serial_sequence('audit_events', 'seq'))"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Under row-level security a tenant's session cannot see other tenants' venues; a function returns just what the check needs.</summary>
    public override IReadOnlyList<VenueConfig> VenuesOfOtherTenants(ClientId clientId) =>
        Query("SELECT client_id, name, kind, base_url, credentials_file, created_at FROM robson_venues_of_other_tenants(@c)", ReadVenue,
            ("@c", clientId.Value));

    /// <summary>
    /// Strings go untyped, so PostgreSQL gives each the type of where it lands: canonical decimal text becomes NUMERIC in
    /// an amount column (exactly), TEXT elsewhere. Everything else binds as the base class binds it.
    /// </summary>
    protected override void AddParameter(DbCommand command, string name, object? value)
    {
        if (value is string text)
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Unknown) { Value = text });
            return;
        }
        base.AddParameter(command, name, value);
    }

    /// <summary>The witness is a table here, written in the append's own transaction: it commits or rolls back with the event.</summary>
    protected override void WitnessHead(AuditHead head) =>
        Execute("INSERT INTO audit_heads (client_id, position, hash) VALUES (@c, @p, @h)",
            ("@c", head.ClientId?.Value), ("@p", head.Position), ("@h", head.Hash));

    public override AuditWitness ReadAuditWitness(ClientId? clientId) => new(
        Query("SELECT client_id, position, hash FROM audit_heads WHERE CAST(@c AS BIGINT) IS NULL OR client_id = @c ORDER BY seq",
            r => new AuditHead(r.IsDBNull(0) ? null : ClientId.From(r.GetInt64(0)), r.GetInt64(1), r.GetString(2)), ("@c", clientId?.Value)));

    public override IReadOnlyList<string> TableNames() =>
        Query("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' " +
              "AND table_name <> 'schema_migrations' ORDER BY table_name", r => r.GetString(0));

    /// <summary>A copy writes the source's own identity values (rowid, seq, id), so the order of rows survives the move.</summary>
    protected override string CopyInsertClause => "OVERRIDING SYSTEM VALUE";

    /// <summary>Each identity continues above the largest copied value.</summary>
    protected override void AfterCopy(string table)
    {
        // The copied chains start their witness here: each chain's head as it arrived (SQLite's witness is a file).
        if (table == "audit_events")
            Execute("INSERT INTO audit_heads (client_id, position, hash) " +
                    "SELECT DISTINCT ON (client_id) client_id, position, hash FROM audit_events ORDER BY client_id, position DESC");
        foreach (var column in Query("SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() " +
                                     "AND table_name = @t AND is_identity = 'YES'", r => r.GetString(0), ("@t", table)))
            Scalar($"SELECT setval(pg_get_serial_sequence(@t, @col), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                ("@t", table), ("@col", column));
    }

    /// <summary>Robson's own tables only: a bare ANALYZE would also try (and warn about) the catalogs an ordinary role does not own.</summary>
    public override void Analyze() => Execute("ANALYZE " + string.Join(", ", TableNames().Select(t => "\"" + t + "\"")));

    internal NpgsqlConnection Connection => _connection;

    /// <summary>Runs a migration in this store's transaction for every tenant, so a code step (<see cref="PostgresMigration.Then"/>) writes in it too.</summary>
    internal T Migrating<T>(Func<NpgsqlTransaction, T> migrate)
    {
        using var scope = BeginExclusiveAllTenants();
        var result = migrate((NpgsqlTransaction)CurrentTransaction!);
        scope.Commit();
        return result;
    }
}
