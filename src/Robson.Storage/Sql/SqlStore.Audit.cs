using System.Data.Common;
using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    private const string AuditColumns =
        "seq, id, client_id, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash, position, role";

    /// <summary>
    /// Appends inside the caller's transaction (or its own), chained to the last hash of the tenant's chain, with an id
    /// nobody can guess (seq keeps the order), and hands the new head to the engine's witness (<see cref="WitnessHead"/>).
    /// </summary>
    public AuditRecord Append(AuditEntry entry)
    {
        // The chain of a tenant (or of tenant-less events) grows under that tenant's lock, so two appends never take one position.
        using var tx = entry.ClientId is { } tenant ? BeginExclusive(tenant) : BeginExclusiveAllTenants();
        var sequence = NextAuditSequence();
        // `client_id = @c` or `IS NULL`, never `IS NOT DISTINCT FROM @c`: PostgreSQL cannot search an index with the latter,
        // and reading every event of the table for each append would make every command slower as history grows.
        var chain = entry.ClientId is null ? "client_id IS NULL" : "client_id = @c";
        var last = Query($"SELECT position, hash FROM audit_events WHERE {chain} ORDER BY position DESC LIMIT 1",
            r => (Position: r.GetInt64(0), Hash: r.GetString(1)), entry.ClientId is { } c ? [("@c", c.Value)] : []).FirstOrDefault();
        var position = last.Position + 1;
        var previous = last.Hash ?? AuditHasher.Genesis;
        var id = "evt-" + Convert.ToHexStringLower(Core.Hashing.SecureRandom.Bytes(8));
        var hash = AuditHasher.Hash(previous, AuditHasher.Canonical(position, id, entry));
        Execute("INSERT INTO audit_events (seq, id, client_id, position, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash, role) " +
                "VALUES (@seq, @id, @c, @pos, @k, @r, @p, @ph, @t, @a, @h, @cmd, @v, @d, @prev, @hash, @role)",
            ("@seq", sequence), ("@id", id), ("@c", entry.ClientId?.Value), ("@pos", position), ("@k", entry.Kind), ("@r", entry.Result), ("@p", entry.PlanId),
            ("@ph", entry.PlanHash), ("@t", Text.Time(entry.OccurredAt)), ("@a", entry.Actor.User), ("@h", entry.Actor.Host),
            ("@cmd", entry.Actor.Command), ("@v", entry.Actor.RobsonVersion), ("@d", StoredJson.Details(entry.Details)),
            ("@prev", previous), ("@hash", hash), ("@role", entry.Actor.Role));
        WitnessHead(new AuditHead(entry.ClientId, position, hash));
        tx.Commit();
        return new AuditRecord(sequence, id, position, entry, previous, hash);
    }

    /// <summary>
    /// Records a new head in the witness outside the events table, called inside the append's transaction: an engine
    /// whose witness is a table writes it here, in that transaction; one whose witness is a file keeps it until
    /// <see cref="Committed"/> and drops it on <see cref="RolledBack"/>, so the witness never leads the chain.
    /// </summary>
    protected abstract void WitnessHead(AuditHead head);

    /// <inheritdoc cref="Core.Ports.IAuditLog.ReadAuditWitness"/>
    public abstract AuditWitness ReadAuditWitness(ClientId? clientId);

    public IReadOnlyList<AuditRecord> ListAudit(ClientId clientId, int limit) =>
        QueryAudit(new AuditQuery(clientId, null, null, limit));

    public IReadOnlyList<AuditRecord> QueryAudit(AuditQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("@n", query.Limit) };
        if (query.ClientId is { } clientId) { where.Add("client_id = @c"); parameters.Add(("@c", clientId.Value)); }
        if (query.Since is { } since) { where.Add("occurred_at >= @since"); parameters.Add(("@since", Text.Time(since))); }
        if (query.PlanId is { } planId) { where.Add("plan_id = @p"); parameters.Add(("@p", planId)); }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return Query($"SELECT {AuditColumns} FROM audit_events {filter} ORDER BY seq DESC LIMIT @n", ReadAudit, [.. parameters]);
    }

    public AuditRecord? LatestAuditOfKind(ClientId clientId, IReadOnlyList<string> kinds)
    {
        var names = kinds.Select((_, i) => $"@k{i}").ToList();
        // Backwards along the (client_id, position) index: the newest matching event is usually among the last few.
        return Query($"SELECT {AuditColumns} FROM audit_events WHERE client_id = @c AND kind IN ({string.Join(", ", names)}) ORDER BY position DESC LIMIT 1",
            ReadAudit, [("@c", clientId.Value), .. kinds.Select((k, i) => ($"@k{i}", (object?)k))]).FirstOrDefault();
    }

    public AuditRecord? FindAuditEvent(string eventId) =>
        Query($"SELECT {AuditColumns} FROM audit_events WHERE id = @id", ReadAudit, ("@id", eventId)).FirstOrDefault();

    public IReadOnlyList<AuditRecord> ReadAuditEvents(ClientId? clientId) => clientId is { } c
        ? Query($"SELECT {AuditColumns} FROM audit_events WHERE client_id = @c ORDER BY seq", ReadAuditAsStored, ("@c", c.Value))
        : Query($"SELECT {AuditColumns} FROM audit_events ORDER BY seq", ReadAuditAsStored);

    private static AuditRecord ReadAudit(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetInt64(15),
        new AuditEntry(r.IsDBNull(2) ? null : ClientId.From(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.NullableString(5), r.NullableString(6),
            StoredJson.ParseDetails(r.GetString(12)), ReadActor(r), Text.ParseTime(r.GetString(7))),
        r.GetString(13), r.GetString(14));

    /// <summary>
    /// For verification: a row someone damaged (unreadable details or time) still comes back, with a marker in place of
    /// the damaged part, so its hash no longer matches and the verifier names its position instead of stopping.
    /// </summary>
    private static AuditRecord ReadAuditAsStored(DbDataReader r)
    {
        IReadOnlyDictionary<string, string> details;
        try { details = StoredJson.ParseDetails(r.GetString(12)) ?? throw new System.Text.Json.JsonException("null details"); }
        catch (System.Text.Json.JsonException) { details = new Details { ["<unreadable details_json>"] = r.GetString(12) }; }
        var time = DateTime.TryParseExact(r.GetString(7), "yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : DateTimeOffset.MinValue;
        var clientId = r.IsDBNull(2) ? (ClientId?)null : r.GetInt64(2) > 0 ? ClientId.From(r.GetInt64(2)) : null;
        return new AuditRecord(r.GetInt64(0), r.GetString(1), r.GetInt64(15),
            new AuditEntry(clientId, r.GetString(3), r.GetString(4), r.NullableString(5), r.NullableString(6), details,
                ReadActor(r), time),
            r.GetString(13), r.GetString(14));
    }

    /// <summary>The actor of a row read with <see cref="AuditColumns"/>: role null for the local CLI (and every event from before roles).</summary>
    private static AuditActor ReadActor(DbDataReader r) =>
        new(r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), r.NullableString(16));
}
