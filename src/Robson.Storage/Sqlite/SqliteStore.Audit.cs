using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Appends inside the caller's transaction (or its own), chained to the last event's hash.</summary>
    public AuditRecord Append(AuditEntry entry)
    {
        using var tx = BeginExclusive();
        var last = Query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", r => (Seq: r.GetInt64(0), Hash: r.GetString(1))).FirstOrDefault();
        var sequence = last.Seq + 1;
        var previous = last.Hash ?? AuditHasher.Genesis;
        var id = $"evt-{sequence:D8}";
        var hash = AuditHasher.Hash(previous, AuditHasher.Canonical(sequence, id, entry));
        Execute("INSERT INTO audit_events (seq, id, client_id, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash) " +
                "VALUES ($seq, $id, $c, $k, $r, $p, $ph, $t, $a, $h, $cmd, $v, $d, $prev, $hash)",
            ("$seq", sequence), ("$id", id), ("$c", entry.ClientId?.Value), ("$k", entry.Kind), ("$r", entry.Result), ("$p", entry.PlanId),
            ("$ph", entry.PlanHash), ("$t", Text.Time(entry.OccurredAt)), ("$a", entry.Actor.User), ("$h", entry.Actor.Host),
            ("$cmd", entry.Actor.Command), ("$v", entry.Actor.RobsonVersion), ("$d", StoredJson.Details(entry.Details)),
            ("$prev", previous), ("$hash", hash));
        tx.Commit();
        return new AuditRecord(sequence, id, entry, previous, hash);
    }

    public IReadOnlyList<AuditRecord> ListAudit(ClientId clientId, int limit) =>
        Query("SELECT seq, id, client_id, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash " +
              "FROM audit_events WHERE client_id = $c ORDER BY seq DESC LIMIT $n",
            r => new AuditRecord(r.GetInt64(0), r.GetString(1),
                new AuditEntry(r.IsDBNull(2) ? null : ClientId.From(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.NullableString(5), r.NullableString(6),
                    StoredJson.ParseDetails(r.GetString(12)), new AuditActor(r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11)),
                    Text.ParseTime(r.GetString(7))),
                r.GetString(13), r.GetString(14)),
            ("$c", clientId.Value), ("$n", limit));
}
