namespace Robson.Storage.Postgres;

/// <summary>
/// Schema version 3 on PostgreSQL (SQLite's migration 13): webhooks and their deliveries, both belonging to a tenant and
/// given version 1's row-level security, and an index to read a tenant's audit events after a sequence number.
/// </summary>
internal static class PostgresSchemaV3
{
    /// <summary>The tables this version adds that belong to a tenant (a <c>client_id</c> column): each gets row-level security.</summary>
    public static readonly string[] TenantTables = ["webhooks", "webhook_deliveries"];

    // webhooks keeps each webhook's signing secret (the server signs with it; it is set to NULL on removal) and its cursor,
    // the last audit seq it has read. webhook_deliveries has one row per (webhook, event), claimed by one server at a time.
    private const string Tables = """
        CREATE TABLE webhooks (
            id TEXT PRIMARY KEY, client_id BIGINT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT,
            created_at TEXT NOT NULL, removed_at TEXT, cursor_seq BIGINT NOT NULL);
        CREATE INDEX webhooks_by_client ON webhooks (client_id, created_at);
        CREATE TABLE webhook_deliveries (
            webhook_id TEXT NOT NULL, client_id BIGINT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, state TEXT NOT NULL,
            attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, last_error TEXT, last_attempt_at TEXT, created_at TEXT NOT NULL,
            claimed_by TEXT, claimed_until TEXT, PRIMARY KEY (webhook_id, event_id));
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
        CREATE INDEX webhook_deliveries_by_client ON webhook_deliveries (client_id, state);
        CREATE INDEX audit_events_by_client_seq ON audit_events (client_id, seq);

        """;

    public static readonly string Sql = Tables + string.Concat(TenantTables.Select(PostgresSchemaV1.TenantPolicy));
}
