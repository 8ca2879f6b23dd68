using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// Who ran what, from where: stamped on every audit event. The command is already redacted. <see cref="Role"/> is the
/// role of the API token that acted (its name is then <see cref="User"/>); null for the local CLI, whose OS user acts with
/// every role of the tenants in its ROBSON_HOME.
/// </summary>
public sealed record AuditActor(string User, string Host, string Command, string RobsonVersion, string? Role = null);

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

/// <summary>
/// A stored event. <see cref="Sequence"/> orders all events; <see cref="Position"/> is its place (from 1) in its
/// tenant's own hash chain (events without a tenant form one chain of their own), linked by the hashes.
/// </summary>
public sealed record AuditRecord(long Sequence, string Id, long Position, AuditEntry Entry, string PreviousHash, string Hash);
