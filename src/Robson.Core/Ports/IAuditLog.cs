using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>Append-only audit trail; each event is chained to the previous one of its tenant's chain by hash.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends the event at the end of its tenant's chain, with an id nobody can guess ("evt-" and 16 random hex
    /// characters; the internal sequence keeps the order), and records the new head (tenant, position, hash) in the
    /// store's witness, outside the events table: where the witness is a table (PostgreSQL), in the same transaction;
    /// where it is a file (SQLite), only after the transaction commits, so it may lag behind the chain but never lead it.
    /// </summary>
    AuditRecord Append(AuditEntry entry);

    /// <summary>
    /// Every head the witness recorded (one per append: tenant, position, hash), in any order; only the tenant's chain
    /// when <paramref name="clientId"/> is given. <see cref="AuditWitness.Damaged"/> says why it cannot be read or
    /// trusted although it was started (SQLite: the heads file was removed or a line edited); a store with no witness yet returns no heads.
    /// </summary>
    AuditWitness ReadAuditWitness(ClientId? clientId);

    /// <summary>
    /// Every stored plan, validation, execution and order (with its status) and every strategy (with its current
    /// version) of the tenant, or of every tenant: what the audit cross-check expects events to name.
    /// </summary>
    IReadOnlyList<AuditedRecord> ReadAuditedRecords(ClientId? clientId);

    /// <summary>The tenant's most recent events, newest first.</summary>
    IReadOnlyList<AuditRecord> ListAudit(ClientId clientId, int limit);

    /// <summary>
    /// The tenant's most recent event of one of <paramref name="kinds"/>, or null: who set the kill switch, however many
    /// events followed (read newest first along the tenant's chain).
    /// </summary>
    AuditRecord? LatestAuditOfKind(ClientId clientId, IReadOnlyList<string> kinds);

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
