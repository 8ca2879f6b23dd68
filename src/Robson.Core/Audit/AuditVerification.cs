namespace Robson.Core.Audit;

/// <summary>The verdict on one or more chains: intact only if every chain is.</summary>
public sealed record AuditVerification(IReadOnlyList<AuditChainResult> Chains)
{
    /// <summary>Problems of the whole store rather than one chain (a lost witness).</summary>
    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    public bool Intact => Chains.All(c => c.Intact) && Findings.Count == 0;

    /// <summary>The first finding when no link is broken: the store's, then each chain's in order.</summary>
    public AuditFinding? FirstFinding => Findings.Concat(Chains.SelectMany(c => c.Findings)).FirstOrDefault();

    public int Events => Chains.Sum(c => c.Events);

    /// <summary>The first broken link, taking the chains in order (tenants by id, then the chain without a tenant).</summary>
    public AuditBreak? FirstBreak => Chains.Select(c => c.Break).FirstOrDefault(b => b is not null);
}
