namespace Robson.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema's versioned migrations, applied in order by <c>robson db migrate</c>; the table
/// <c>schema_migrations</c> records each one applied. Version 1 is the SQLite schema at its version 10, consolidated, plus
/// what a shared database must enforce itself: append-only triggers and row-level security by tenant.
/// </summary>
/// <remarks>
/// Amounts are NUMERIC (exact; the store binds them as canonical decimal text, which PostgreSQL converts, and reads them
/// back as decimal). Times stay the same fixed-width ISO-8601 UTC text as on SQLite, so ordering by them is ordering in
/// time. <c>rowid</c> columns give the tables SQLite's insertion order, which the shared SQL uses to break ties.
/// Needs PostgreSQL 15 or later (NULLS NOT DISTINCT).
/// </remarks>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        new(1, "tables of schema 11 of SQLite (positions kept per fill, open-order indexes) and the audit heads witness, append-only triggers, row-level security by tenant",
            PostgresSchemaV1.Tables + PostgresSchemaV1.AppendOnly + PostgresSchemaV1.RowLevelSecurity),
        new(2, "robson serve: the role of the actor on audit events, API tokens (by hash), idempotency keys; row-level security on both tables",
            PostgresSchemaV2.Sql),
        new(3, "webhooks (with their signing secret and audit cursor) and their deliveries; row-level security on both tables",
            PostgresSchemaV3.Sql),
    ];

    public static int CurrentVersion => Migrations.Count;

    /// <summary>Where the applied versions are recorded; created by the first migration run, never by an ordinary command.</summary>
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_by TEXT NOT NULL DEFAULT current_user)
        """;
}

/// <summary>
/// One step of the schema: its version, what it does in a line, its SQL and, when data must be computed in code (a
/// backfill), a step run right after the SQL through the store, in the same transaction and seeing every tenant.
/// </summary>
public sealed record PostgresMigration(int Version, string Name, string Sql, Action<PostgresStore>? Then = null);
