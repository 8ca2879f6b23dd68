namespace Robson.Storage;

/// <summary>
/// Where the store is and how far its schema is: what <c>robson db status</c> shows and <c>robson db migrate</c> changes.
/// </summary>
/// <param name="Engine">"sqlite" or "postgresql".</param>
/// <param name="Location">The SQLite file, or the PostgreSQL URL without its password.</param>
/// <param name="AppliedVersion">The last migration applied (0: no schema yet, or no database yet).</param>
/// <param name="KnownVersion">The last migration this Robson knows.</param>
/// <param name="Pending">Migrations this Robson would apply, in order (none when the database is newer).</param>
/// <param name="MigratesOnOpen">SQLite (embedded, one user) migrates itself when a command opens it; PostgreSQL waits for an operator.</param>
public sealed record SchemaStatus(string Engine, string Location, int AppliedVersion, int KnownVersion, IReadOnlyList<SchemaMigration> Pending,
    bool MigratesOnOpen)
{
    /// <summary>The database role Robson connected as (PostgreSQL only).</summary>
    public string? Role { get; init; }

    /// <summary>Whether that role bypasses row-level security (a superuser or BYPASSRLS): tenants are then not isolated by the database.</summary>
    public bool? BypassesRowSecurity { get; init; }

    public bool IsNewerThanKnown => AppliedVersion > KnownVersion;
}

/// <summary>One migration: its version and what it does, in a line.</summary>
public sealed record SchemaMigration(int Version, string Name);

/// <summary>What <c>robson db migrate</c> did: the schema before and after, and the migrations it applied (none when up to date).</summary>
public sealed record MigrationOutcome(SchemaStatus Before, SchemaStatus After, IReadOnlyList<SchemaMigration> Applied);
