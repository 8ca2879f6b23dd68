using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// One verified chain: its tenant (null for events without a tenant), how many events it holds, the hash of its
/// last event (the head: record it elsewhere to detect a later truncation or rewrite) and its first broken link.
/// </summary>
public sealed record AuditChainResult(ClientId? ClientId, int Events, string HeadHash, AuditBreak? Break)
{
    public bool Intact => Break is null;
}
