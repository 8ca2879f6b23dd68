namespace Robson.Core.Audit;

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
