using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Appends inside the caller's transaction (or its own), chained to the last hash of the tenant's chain.</summary>
    public AuditRecord Append(AuditEntry entry)
    {
        using var tx = BeginExclusive();
        var sequence = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events"), System.Globalization.CultureInfo.InvariantCulture);
        var last = Query("SELECT position, hash FROM audit_events WHERE client_id IS $c ORDER BY position DESC LIMIT 1",
            r => (Position: r.GetInt64(0), Hash: r.GetString(1)), ("$c", entry.ClientId?.Value)).FirstOrDefault();
        var position = last.Position + 1;
        var previous = last.Hash ?? AuditHasher.Genesis;
        var id = $"evt-{sequence:D8}";
        var hash = AuditHasher.Hash(previous, AuditHasher.Canonical(position, id, entry));
        Execute("INSERT INTO audit_events (seq, id, client_id, position, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash) " +
                "VALUES ($seq, $id, $c, $pos, $k, $r, $p, $ph, $t, $a, $h, $cmd, $v, $d, $prev, $hash)",
            ("$seq", sequence), ("$id", id), ("$c", entry.ClientId?.Value), ("$pos", position), ("$k", entry.Kind), ("$r", entry.Result), ("$p", entry.PlanId),
            ("$ph", entry.PlanHash), ("$t", Text.Time(entry.OccurredAt)), ("$a", entry.Actor.User), ("$h", entry.Actor.Host),
            ("$cmd", entry.Actor.Command), ("$v", entry.Actor.RobsonVersion), ("$d", StoredJson.Details(entry.Details)),
            ("$prev", previous), ("$hash", hash));
        tx.Commit();
        return new AuditRecord(sequence, id, position, entry, previous, hash);
    }

    public IReadOnlyList<AuditRecord> ListAudit(ClientId clientId, int limit) =>
        Query("SELECT seq, id, client_id, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash, position " +
              "FROM audit_events WHERE client_id = $c ORDER BY seq DESC LIMIT $n",
            r => new AuditRecord(r.GetInt64(0), r.GetString(1), r.GetInt64(15),
                new AuditEntry(r.IsDBNull(2) ? null : ClientId.From(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.NullableString(5), r.NullableString(6),
                    StoredJson.ParseDetails(r.GetString(12)), new AuditActor(r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11)),
                    Text.ParseTime(r.GetString(7))),
                r.GetString(13), r.GetString(14)),
            ("$c", clientId.Value), ("$n", limit));
}
