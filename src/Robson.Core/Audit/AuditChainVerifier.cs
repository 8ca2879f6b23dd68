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
/// <para>
/// With evidence beyond the events, each chain is also checked against the stored records
/// (<see cref="AuditCrossCheck"/>) and against the heads witnessed outside it (<see cref="AuditWitnessCheck"/>), so
/// events cut from the end are caught too; a chain that has records or witnessed heads but no event left is reported.
/// </para>
/// </summary>
public static class AuditChainVerifier
{
    public static AuditVerification Verify(IEnumerable<AuditRecord> records) => Verify(new AuditEvidence(records.ToList()));

    public static AuditVerification Verify(AuditEvidence evidence)
    {
        var chains = evidence.Events.GroupBy(r => r.Entry.ClientId).ToDictionary(g => Key(g.Key), g => g.ToList());
        var witnessed = (evidence.Witness?.Heads ?? []).Concat(evidence.ExpectedHeads).ToLookup(h => Key(h.ClientId));
        var records = (evidence.Records ?? []).ToLookup(r => r.ClientId.Value);
        var tenants = chains.Keys
            .Concat(records.Select(g => g.Key))
            .Concat(witnessed.Select(g => g.Key))
            .Distinct()
            .OrderBy(k => k == 0 ? 1 : 0).ThenBy(k => k);
        var results = tenants.Select(key =>
        {
            var clientId = key == 0 ? (ClientId?)null : ClientId.From(key);
            var chain = chains.GetValueOrDefault(key, []).OrderBy(r => r.Position).ThenBy(r => r.Sequence).ToList();
            var result = VerifyChain(clientId, chain);
            var findings = new List<AuditFinding>();
            if (evidence.Records is not null && clientId is { } tenant)
                findings.AddRange(AuditCrossCheck.Check(tenant, chain, [.. records[key]]));
            findings.AddRange(AuditWitnessCheck.Check(clientId, chain, witnessed[key]));
            return result with { Findings = findings };
        }).ToList();
        var damaged = evidence.Witness?.Damaged is { } reason ? [new AuditFinding(null, AuditFinding.WitnessDamaged, reason)] : Array.Empty<AuditFinding>();
        return new AuditVerification(results) { Findings = damaged };
    }

    private static long Key(ClientId? clientId) => clientId?.Value ?? 0;

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
