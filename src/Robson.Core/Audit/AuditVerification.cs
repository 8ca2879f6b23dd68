namespace Robson.Core.Audit;

/// <summary>The verdict on one or more chains: intact only if every chain is.</summary>
public sealed record AuditVerification(IReadOnlyList<AuditChainResult> Chains)
{
    public bool Intact => Chains.All(c => c.Intact);

    public int Events => Chains.Sum(c => c.Events);

    /// <summary>The first broken link, taking the chains in order (tenants by id, then the chain without a tenant).</summary>
    public AuditBreak? FirstBreak => Chains.Select(c => c.Break).FirstOrDefault(b => b is not null);
}
