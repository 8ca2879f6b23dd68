using Npgsql;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Storage.Postgres;
using Robson.Tests.Shared.Postgres;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Postgres;

/// <summary>
/// The database itself keeps tenants apart: a session bound to tenant 1 (what `--client-id 1` does) neither reads nor
/// writes a row of tenant 2 in any table, whatever its SQL asks for — the guard against a query that forgets its tenant.
/// Run as an ordinary role that owns the database, as the README tells operators to (a superuser bypasses it).
/// </summary>
public sealed class RowLevelSecurityTests
{
    private readonly string _url = PostgresServer.Shared.CreateDatabaseOwnedBy("robson_app");

    public RowLevelSecurityTests()
    {
        var target = StoreTarget.Choose("/nonexistent-robson-home", _url);
        target.Migrate();
        using var operatorView = target.Open(createIfMissing: false);
        operatorView.BindAllTenants();
        foreach (var tenant in new[] { Tenant, OtherTenant })
            StoreOneOfEverything(operatorView, tenant, tenant == Tenant ? "mine" : "theirs");
    }

    [Fact]
    public void ASessionBoundToTenant1_ReadsZeroRowsOfTenant2_FromEveryTenantTable()
    {
        using var connection = BoundTo("1");
        foreach (var table in PostgresSchemaV1.TenantTables.Concat(PostgresSchemaV2.TenantTables).Concat(PostgresSchemaV3.TenantTables))
        {
            Assert.True(Count(connection, $"SELECT COUNT(*) FROM {table} WHERE client_id = 1") > 0, $"{table}: tenant 1's own rows are seeded and visible");
            Assert.Equal(0, Count(connection, $"SELECT COUNT(*) FROM {table} WHERE client_id = 2"));
            Assert.Equal(0, Count(connection, $"SELECT COUNT(*) FROM {table} WHERE client_id IS DISTINCT FROM 1"));
        }
    }

    [Fact]
    public void ASessionBoundToTenant1_CannotWriteARowOfTenant2()
    {
        using var connection = BoundTo("1");
        var refused = Assert.Throws<PostgresException>(() => Execute(connection,
            "INSERT INTO trading_states (client_id, state, reason, changed_at) VALUES (2, 'HALTED', 'not mine', '2026-11-25T12:00:00.0000000Z') " +
            "ON CONFLICT (client_id) DO UPDATE SET state = 'HALTED'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(0, Execute(connection, "UPDATE orders SET status = 'CANCELED' WHERE client_id = 2"));
    }

    [Fact]
    public void AStoreBoundToTenant1_DoesNotFindTenant2sRows_EvenWhenItsQueryNamesTenant2()
    {
        using var store = StoreTarget.Choose("/nonexistent-robson-home", _url).Open(createIfMissing: false);
        store.BindTenant(Tenant);

        Assert.Null(store.FindPlan(OtherTenant, "theirs-pl"));
        Assert.Null(store.FindOrder(OtherTenant, "theirs-entry"));
        Assert.Empty(store.ReadAuditEvents(OtherTenant));
        Assert.NotNull(store.FindPlan(Tenant, "mine-pl"));
    }

    [Fact]
    public void AnUnboundSession_SeesNothing()
    {
        using var connection = Open();
        Assert.Equal(0, Count(connection, "SELECT COUNT(*) FROM plans"));
    }

    private static void StoreOneOfEverything(Sql.SqlStore s, ClientId tenant, string prefix)
    {
        s.InsertStrategy(tenant, prefix, Settings(), Noon);
        s.InsertPlan(Plan(prefix + "-pl", tenant: tenant));
        s.InsertValidation(Validation(prefix + "-val", prefix + "-pl", Noon, tenant: tenant));
        s.InsertExecution(Execution(prefix + "-exec", prefix + "-pl", Noon, tenant: tenant));
        s.InsertOrder(Order(prefix + "-entry", Noon, tenant: tenant, executionId: prefix + "-exec", planId: prefix + "-pl", status: OrderStatus.Filled));
        s.InsertOrder(Order(prefix + "-sell", Noon, tenant: tenant, executionId: prefix + "-exec", planId: prefix + "-pl", leg: 1, side: OrderSide.Sell));
        s.RecordFill(Fill(prefix + "-entry", Noon, tenant: tenant), prefix + "-t1");
        s.RecordFill(Fill(prefix + "-sell", Noon.AddMinutes(1), tenant: tenant) with { Side = OrderSide.Sell }, prefix + "-t2");
        s.Append(Audit(tenant, Noon, planId: prefix + "-pl"));
        s.SetBalance(tenant, "USDT", 1000m);
        s.RecordPaperOrder(PaperOrder(prefix + "-paper", Noon, tenant: tenant));
        s.InsertVenue(Venue(prefix + "-venue", tenant: tenant));
        s.SetTradingState(tenant, new TradingStatus(TradingState.Halted, prefix, Noon));
        s.RecordEquity(tenant, Paper, 1000m, Noon);
        s.AddToken(new Core.Access.ApiToken(prefix + "-token", tenant, prefix, Core.Access.Role.Viewer, Noon, null, null), prefix + "-token-hash");
        s.BeginIdempotent(tenant, prefix + "-key", "request-hash", Noon);
        s.AddWebhook(new Core.Webhooks.Webhook(prefix + "-hook", tenant, "https://hooks.example/" + prefix, ["fill"], Noon, null), "whsec_" + prefix);
        s.AdvanceWebhookCursor(prefix + "-hook", s.WebhookCursors().Single(c => c.WebhookId == prefix + "-hook").Cursor, long.MaxValue,
            [new Core.Webhooks.WebhookDelivery(prefix + "-hook", tenant, prefix + "-evt", "fill", Core.Webhooks.DeliveryState.Pending, 0, Noon, null, null, Noon)]);
    }

    [Fact]
    public void ASessionBoundToTenant1_DoesNotFindTenant2sToken_ByItsHash_ButEveryTenantsSessionDoes()
    {
        using var store = StoreTarget.Choose("/nonexistent-robson-home", _url).Open(createIfMissing: false);
        store.BindTenant(Tenant);
        Assert.Null(store.TokenByHash("theirs-token-hash"));

        store.BindAllTenants();
        Assert.Equal(OtherTenant, store.TokenByHash("theirs-token-hash")!.ClientId);
    }

    private NpgsqlConnection Open()
    {
        var uri = new Uri(_url);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = uri.Port, Username = uri.UserInfo, Database = uri.AbsolutePath.TrimStart('/'), Pooling = false,
        }.ConnectionString);
        connection.Open();
        return connection;
    }

    private NpgsqlConnection BoundTo(string tenant)
    {
        var connection = Open();
        Execute(connection, $"SET robson.tenant = '{tenant}'");
        return connection;
    }

    private static long Count(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteNonQuery();
    }
}
