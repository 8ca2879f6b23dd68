using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.UseCases;

/// <summary>
/// An operator's read of every tenant's audit trail (<c>--all-tenants</c>) is itself audited: AUDIT_ALL_TENANTS_READ, in
/// the chain without a tenant, naming the audit command. Recorded before the read, so a read that then fails is recorded too.
/// </summary>
public sealed class RecordAllTenantsRead(RobsonEnvironment env)
{
    public AuditRecord Execute(string command)
    {
        using var tx = env.Store.BeginExclusiveAllTenants();
        var record = env.Store.Append(new AuditEntry(null, AuditKinds.AuditAllTenantsRead, "OK", null, null,
            Details.Of(("view", "audit " + command)), env.Actor, env.Time.GetUtcNow()));
        tx.Commit();
        return record;
    }
}
