using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// One verified chain: its tenant (null for events without a tenant), how many events it holds, the hash of its
/// last event (the head: record it elsewhere to detect a later truncation or rewrite), its first broken link, and what
/// the cross-check with the records and the witness of its heads found.
/// </summary>
public sealed record AuditChainResult(ClientId? ClientId, int Events, string HeadHash, AuditBreak? Break)
{
    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    public bool Intact => Break is null && Findings.Count == 0;
}
