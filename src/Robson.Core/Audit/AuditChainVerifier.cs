using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// Recomputes hash chains from stored (or exported) events, with no I/O, so the same check runs against the
/// database and against an export offline. Events are grouped by tenant (events without a tenant form their
/// own chain) and taken in position order. For each event at expected position p (1, 2, 3...):
/// its position is p (a gap means a deleted event, a repeat an inserted one); its previous hash is the hash of
/// the event at p − 1 (<see cref="AuditHasher.Genesis"/> at p = 1); its hash is
/// <c>AuditHasher.Hash(previous, AuditHasher.Canonical(p, id, entry))</c>; its sequence number comes after
/// its predecessor's. The first failed check of a chain is its broken link.
/// </summary>
public static class AuditChainVerifier
{
    public static AuditVerification Verify(IEnumerable<AuditRecord> records) =>
        new(records
            .GroupBy(r => r.Entry.ClientId)
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key?.Value ?? 0)
            .Select(g => VerifyChain(g.Key, g.OrderBy(r => r.Position).ThenBy(r => r.Sequence)))
            .ToList());

    /// <summary>True when the event's content, with its own previous hash, hashes to its stored hash.</summary>
    public static bool HashMatches(AuditRecord record) =>
        string.Equals(ExpectedHash(record), record.Hash, StringComparison.Ordinal);

    private static string ExpectedHash(AuditRecord r) =>
        AuditHasher.Hash(r.PreviousHash, AuditHasher.Canonical(r.Position, r.Id, r.Entry));

    private static AuditChainResult VerifyChain(ClientId? clientId, IEnumerable<AuditRecord> chain)
    {
        var expected = 1L;
        var previousHash = AuditHasher.Genesis;
        long? previousSequence = null;
        var count = 0;
        AuditBreak? broken = null;
        foreach (var r in chain)
        {
            count++;
            broken ??= Check(clientId, r, expected, previousHash, previousSequence);
            expected = r.Position + 1;
            previousHash = r.Hash;
            previousSequence = r.Sequence;
        }
        return new AuditChainResult(clientId, count, previousHash, broken);
    }

    private static AuditBreak? Check(ClientId? clientId, AuditRecord r, long expected, string previousHash, long? previousSequence)
    {
        if (r.Position > expected)
            return new(clientId, expected, r.Id, AuditBreak.PositionGap,
                $"position {expected} is missing: the chain goes from {expected - 1} to {r.Position} ({r.Id}); an event was deleted");
        if (r.Position < expected)
            return new(clientId, r.Position, r.Id, AuditBreak.PositionRepeated,
                $"position {r.Position} appears more than once; an event was inserted or duplicated");
        if (!string.Equals(r.PreviousHash, previousHash, StringComparison.Ordinal))
            return new(clientId, r.Position, r.Id, AuditBreak.PreviousHashMismatch,
                r.Position == 1
                    ? "the first event does not start from the genesis hash; events before it were removed or it was forged"
                    : $"its previous hash is not the hash of position {r.Position - 1}; an event before it was changed, removed, reordered or inserted");
        if (!HashMatches(r))
            return new(clientId, r.Position, r.Id, AuditBreak.HashMismatch,
                "its content does not match its hash; the event was edited or forged");
        if (previousSequence is { } before && r.Sequence <= before)
            return new(clientId, r.Position, r.Id, AuditBreak.SequenceOutOfOrder,
                $"its sequence number {r.Sequence} is not after its predecessor's {before}; events were reordered");
        return null;
    }
}
