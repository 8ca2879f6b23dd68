namespace Robson.Core.Audit;

/// <summary>
/// Everything <c>audit verify</c> checks, as read from a store or an export: the events; the stored records the events
/// must name (null: not cross-checked, as for an export); the store's witness of the heads (null: none, as for an
/// export); heads kept elsewhere (<c>--expect-head</c>, without position).
/// </summary>
public sealed record AuditEvidence(IReadOnlyList<AuditRecord> Events)
{
    public IReadOnlyList<AuditedRecord>? Records { get; init; }

    public AuditWitness? Witness { get; init; }

    public IReadOnlyList<AuditHead> ExpectedHeads { get; init; } = [];
}
