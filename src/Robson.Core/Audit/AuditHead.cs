using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// A chain's head as seen outside the events table: the tenant (null for the chain without a tenant), the position of
/// the event appended and its hash. A witness holds one per append; a head kept elsewhere may have no position.
/// </summary>
public sealed record AuditHead(ClientId? ClientId, long? Position, string Hash);

/// <summary>
/// What a store witnessed of its chains' heads, outside the events table (SQLite: the append-only heads file; PostgreSQL:
/// a table written in the same transaction as the event). It may lag behind the chain (a crash after the commit), never
/// lead it. <see cref="Damaged"/> says why the witness cannot be read or trusted although it was started (its file was
/// removed, a line edited); null when it can.
/// </summary>
public sealed record AuditWitness(IReadOnlyList<AuditHead> Heads, string? Damaged = null)
{
    public static readonly AuditWitness None = new([]);
}
