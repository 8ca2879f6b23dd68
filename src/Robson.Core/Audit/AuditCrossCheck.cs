using System.Globalization;
using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// Records against events, for one tenant, with no I/O: every stored record has the event that recorded it, and every
/// event that names a record finds it. Chains show what was changed inside them; this shows events (or rows) deleted
/// together from the end, which leave every link intact. What names what:
/// <list type="bullet">
/// <item>a plan: its PLAN_CREATED event (plan_id); every event with a plan_id names a stored plan;</item>
/// <item>a validation: its PLAN_VALIDATED event (detail validation_id);</item>
/// <item>an execution: its PLAN_EXECUTED event (detail execution_id);</item>
/// <item>an order: the ORDER_* events of its steps (detail client_order_id). A PENDING order is a reservation not yet
/// sent (or left by a crash before it was, until reconcile settles it): it has no event yet and is not required to;</item>
/// <item>a strategy: each version 1..current, by a STRATEGY_CREATED or STRATEGY_CHANGED event (details strategy_id and
/// version); each such event names a stored strategy at that version or later.</item>
/// </list>
/// Every release of Robson has written these ids in these events, so events written before this check verify too. An
/// event missing the detail names nothing and is not checked.
/// </summary>
public static class AuditCrossCheck
{
    public static IReadOnlyList<AuditFinding> Check(ClientId clientId, IReadOnlyList<AuditRecord> chain, IReadOnlyList<AuditedRecord> records)
    {
        var findings = new List<AuditFinding>();
        var named = new Named(chain);
        foreach (var record in records.Where(r => r.ClientId == clientId))
            findings.AddRange(Unrecorded(clientId, record, named));

        var stored = records.Where(r => r.ClientId == clientId).GroupBy(r => r.Kind)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.First(), StringComparer.Ordinal));
        var reported = new HashSet<(AuditedRecordKind, string)>();
        foreach (var e in chain.OrderBy(e => e.Position))
        foreach (var (kind, id, version) in Names(e))
        {
            var found = stored.GetValueOrDefault(kind)?.GetValueOrDefault(id);
            if ((found is not null && (kind != AuditedRecordKind.Strategy || found.StrategyVersion >= version)) || !reported.Add((kind, id)))
                continue;
            var what = kind == AuditedRecordKind.Strategy ? $"strategy {id} version {version}" : $"{Noun(kind)} {id}";
            findings.Add(new AuditFinding(clientId, AuditFinding.RecordMissing,
                $"{e.Entry.Kind} event {e.Id} (position {e.Position}) names {what}, which is not stored: the record was deleted")
            {
                Position = e.Position, EventId = e.Id,
            });
        }
        return findings;
    }

    private static IEnumerable<AuditFinding> Unrecorded(ClientId clientId, AuditedRecord record, Named named)
    {
        string? missing = record.Kind switch
        {
            AuditedRecordKind.Plan when !named.Created.Contains(record.Id) => $"plan {record.Id} has no {AuditKinds.PlanCreated} event",
            AuditedRecordKind.Validation when !named.Contains(record) => $"validation {record.Id} has no {AuditKinds.PlanValidated} event",
            AuditedRecordKind.Execution when !named.Contains(record) => $"execution {record.Id} has no {AuditKinds.PlanExecuted} event",
            AuditedRecordKind.Order when record.OrderStatus != Execution.OrderStatus.Pending && !named.Contains(record) =>
                $"order {record.Id} ({record.OrderStatus?.Wire}) has no ORDER_* event",
            _ => null,
        };
        if (missing is not null)
            yield return new AuditFinding(clientId, AuditFinding.EventMissing, missing + ": its event was deleted");
        if (record.Kind != AuditedRecordKind.Strategy) yield break;
        for (var version = 1; version <= record.StrategyVersion; version++)
            if (!named.Contains(record with { Id = $"{record.Id}@{version}" }))
                yield return new AuditFinding(clientId, AuditFinding.EventMissing,
                    $"strategy {record.Id} version {version} has no {(version == 1 ? AuditKinds.StrategyCreated : AuditKinds.StrategyChanged)} event: its event was deleted");
    }

    /// <summary>The records an event names: (kind, id, strategy version or 0).</summary>
    private static IEnumerable<(AuditedRecordKind Kind, string Id, int Version)> Names(AuditRecord e)
    {
        var entry = e.Entry;
        if (!string.IsNullOrEmpty(entry.PlanId)) yield return (AuditedRecordKind.Plan, entry.PlanId, 0);
        if (Detail(e, "validation_id") is { } validation && entry.Kind == AuditKinds.PlanValidated)
            yield return (AuditedRecordKind.Validation, validation, 0);
        if (Detail(e, "execution_id") is { } execution && entry.Kind == AuditKinds.PlanExecuted)
            yield return (AuditedRecordKind.Execution, execution, 0);
        if (Detail(e, "client_order_id") is { } order && AuditKinds.RecordsAnOrderStep(entry.Kind))
            yield return (AuditedRecordKind.Order, order, 0);
        if (entry.Kind is AuditKinds.StrategyCreated or AuditKinds.StrategyChanged && Detail(e, "strategy_id") is { } strategy
            && int.TryParse(Detail(e, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            yield return (AuditedRecordKind.Strategy, strategy, version);
    }

    private static string? Detail(AuditRecord e, string key) =>
        e.Entry.Details.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static string Noun(AuditedRecordKind kind) => kind switch
    {
        AuditedRecordKind.Plan => "plan",
        AuditedRecordKind.Validation => "validation",
        AuditedRecordKind.Execution => "execution",
        AuditedRecordKind.Order => "order",
        _ => "strategy",
    };

    /// <summary>What the chain's events name, by kind; a strategy version as "id@version".</summary>
    private sealed class Named
    {
        private readonly HashSet<(AuditedRecordKind, string)> _names = [];

        public HashSet<string> Created { get; } = new(StringComparer.Ordinal);

        public Named(IReadOnlyList<AuditRecord> chain)
        {
            foreach (var e in chain)
            {
                if (e.Entry.Kind == AuditKinds.PlanCreated && !string.IsNullOrEmpty(e.Entry.PlanId)) Created.Add(e.Entry.PlanId);
                foreach (var (kind, id, version) in Names(e))
                    _names.Add((kind, kind == AuditedRecordKind.Strategy ? $"{id}@{version}" : id));
            }
        }

        public bool Contains(AuditedRecord record) => _names.Contains((record.Kind, record.Id));
    }
}
