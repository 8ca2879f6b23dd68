using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>Append-only audit trail; each event is chained to the previous one by hash.</summary>
public interface IAuditLog
{
    AuditRecord Append(AuditEntry entry);
    IReadOnlyList<AuditRecord> ListAudit(ClientId clientId, int limit);
}
