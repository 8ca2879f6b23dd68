namespace Robson.Core.Plans;

/// <summary>A stored plan whose content no longer matches the hash it was stored with.</summary>
public sealed record PlanTampering(string PlanId, string StoredHash, string ComputedHash)
{
    public string Message => $"Stored content of plan {PlanId} does not match its hash: changed after it was planned, refused";

    public (string, object?)[] Details => [("stored_hash", StoredHash), ("computed_hash", ComputedHash)];
}
