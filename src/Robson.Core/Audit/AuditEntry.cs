using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>Who ran what, from where: stamped on every audit event. The command is already redacted.</summary>
public sealed record AuditActor(string User, string Host, string Command, string RobsonVersion);

/// <summary>One thing that changed state or tried to.</summary>
public sealed record AuditEntry(
    ClientId? ClientId,
    string Kind,
    string Result,
    string? PlanId,
    string? PlanHash,
    IReadOnlyDictionary<string, string> Details,
    AuditActor Actor,
    DateTimeOffset OccurredAt);

/// <summary>A stored event with its position in the chain and the hashes linking it.</summary>
public sealed record AuditRecord(long Sequence, string Id, AuditEntry Entry, string PreviousHash, string Hash);
