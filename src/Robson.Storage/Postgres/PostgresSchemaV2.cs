namespace Robson.Storage.Postgres;

/// <summary>
/// Schema version 2 on PostgreSQL (SQLite's migration 12): the role of the actor on audit events (null for the local CLI),
/// the API tokens of <c>robson serve</c> and the idempotency keys of its requests. Both new tables belong to a tenant and
/// get version 1's row-level security.
/// </summary>
internal static class PostgresSchemaV2
{
    /// <summary>The tables this version adds that belong to a tenant (a <c>client_id</c> column): each gets row-level security.</summary>
    public static readonly string[] TenantTables = ["api_tokens", "idempotency_keys"];

    // api_tokens keeps only each secret's SHA-256; a token is found by it before its tenant is known, so the server
    // looks it up on a session bound to every tenant. idempotency_keys is a 24-hour cache of answers, rows deleted as
    // they expire; `db copy` leaves it behind.
    private const string Tables = """
        ALTER TABLE audit_events ADD COLUMN role TEXT;
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY, client_id BIGINT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT);
        CREATE INDEX api_tokens_by_client ON api_tokens (client_id, created_at);
        CREATE TABLE idempotency_keys (
            client_id BIGINT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER, content_type TEXT, body TEXT,
            created_at TEXT NOT NULL, PRIMARY KEY (client_id, key));
        CREATE INDEX idempotency_keys_by_age ON idempotency_keys (client_id, created_at);

        """;

    public static readonly string Sql = Tables + string.Concat(TenantTables.Select(PostgresSchemaV1.TenantPolicy));
}
