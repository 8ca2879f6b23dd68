namespace Robson.Storage.Postgres;

/// <summary>
/// The advisory locks Robson takes, transaction-scoped (released at commit or rollback). PostgreSQL keeps the one-bigint
/// and the two-int key spaces apart, so Robson's own keys (two ints: 'Robs' and a purpose) never collide with a tenant's
/// key (the bigint tenant id, any positive value). 1383031411 is 0x526F6273, 'Robs' in ASCII.
/// </summary>
internal static class AdvisoryKeys
{
    /// <summary>Every tenant's transaction holds this shared; one that touches every tenant holds it exclusively.</summary>
    public const string SharedGlobal = "SELECT pg_advisory_xact_lock_shared(1383031411, 1)";

    public const string ExclusiveGlobal = "SELECT pg_advisory_xact_lock(1383031411, 1)";

    /// <summary>One tenant's writes, with the tenant id bound as @tenant.</summary>
    public const string Tenant = "SELECT pg_advisory_xact_lock(@tenant)";

    /// <summary>Two instances never migrate at once.</summary>
    public const string Migration = "SELECT pg_advisory_xact_lock(1383031411, 2)";
}
