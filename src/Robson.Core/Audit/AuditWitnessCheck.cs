using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// One chain against heads seen outside it, with no I/O. A witness may lag behind the chain (it is written after the
/// commit), never lead it: a witnessed position the chain no longer reaches means events were cut from its end, and a
/// witnessed position whose event has another hash means the chain was rewritten from there. A head kept elsewhere
/// (<c>--expect-head</c>, no position) must be the hash of one of the chain's events.
/// </summary>
public static class AuditWitnessCheck
{
    public static IEnumerable<AuditFinding> Check(ClientId? clientId, IReadOnlyList<AuditRecord> chain, IEnumerable<AuditHead> witnessed)
    {
        var byPosition = chain.GroupBy(e => e.Position).ToDictionary(g => g.Key, g => g.First());
        var end = chain.Count == 0 ? 0 : chain.Max(e => e.Position);
        var heads = witnessed.Where(h => h.Position is not null).OrderBy(h => h.Position).ToList();
        if (heads.Count > 0 && heads[^1].Position > end)
        {
            var furthest = heads[^1];
            var last = byPosition.GetValueOrDefault(end);
            yield return new AuditFinding(clientId, AuditFinding.ChainTruncated,
                $"the witness saw position {furthest.Position} (hash {Short(furthest.Hash)}), but the chain ends at " +
                (last is null ? "position 0 (no event)" : $"position {end} ({last.Id})") + ": events were cut from its end")
            {
                Position = furthest.Position,
            };
        }
        var rewritten = heads.FirstOrDefault(h => byPosition.TryGetValue(h.Position!.Value, out var e) && !string.Equals(e.Hash, h.Hash, StringComparison.Ordinal));
        if (rewritten is not null)
        {
            var e = byPosition[rewritten.Position!.Value];
            yield return new AuditFinding(clientId, AuditFinding.WitnessMismatch,
                $"position {e.Position} ({e.Id}) has hash {Short(e.Hash)}, the witness saw {Short(rewritten.Hash)}: the chain was rewritten from there")
            {
                Position = e.Position, EventId = e.Id,
            };
        }
        foreach (var expected in witnessed.Where(h => h.Position is null))
            if (!chain.Any(e => string.Equals(e.Hash, expected.Hash, StringComparison.OrdinalIgnoreCase)))
                yield return new AuditFinding(clientId, AuditFinding.ExpectedHeadMissing,
                    $"no event of the chain has hash {expected.Hash} (the head given with --expect-head): events were cut from its end, or it was rewritten");
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;
}
