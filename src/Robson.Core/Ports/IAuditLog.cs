using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>Append-only audit trail; each event is chained to the previous one of its tenant's chain by hash.</summary>
public interface IAuditLog
{
    AuditRecord Append(AuditEntry entry);

    /// <summary>The tenant's most recent events, newest first.</summary>
    IReadOnlyList<AuditRecord> ListAudit(ClientId clientId, int limit);

    /// <summary>Events matching the query, newest first.</summary>
    IReadOnlyList<AuditRecord> QueryAudit(AuditQuery query);

    /// <summary>One event by id, whatever its tenant; null if there is none.</summary>
    AuditRecord? FindAuditEvent(string eventId);

    /// <summary>
    /// Every stored event as it is (for verification and export), oldest first; only the tenant's chain when
    /// <paramref name="clientId"/> is given. A row whose stored content cannot be read back is returned with
    /// the unreadable part replaced, so verification reports its hash as broken instead of failing.
    /// </summary>
    IReadOnlyList<AuditRecord> ReadAuditEvents(ClientId? clientId);
}
