namespace Robson.Core.Plans;

/// <summary>
/// A stored plan is checked, not trusted: its hash is recomputed from the content as read back from the store and
/// compared with the hash it was stored with. A mismatch means the content was changed after it was planned.
/// </summary>
public static class PlanIntegrity
{
    /// <summary>The code of a mismatch, in validation reports, guard results and the audit trail.</summary>
    public const string Tampered = "PLAN_TAMPERED";

    /// <summary>Null when the content matches its hash; otherwise both hashes.</summary>
    public static PlanTampering? Check(Plan plan)
    {
        var computed = PlanHasher.Compute(plan);
        return string.Equals(computed, plan.Hash, StringComparison.Ordinal) ? null : new PlanTampering(plan.Id, plan.Hash, computed);
    }
}
