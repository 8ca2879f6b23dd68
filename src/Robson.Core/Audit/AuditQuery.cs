using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// Which audit events to list, newest first: one tenant's (or, with no tenant, every event), optionally only
/// those at or after <see cref="Since"/> and only those of one plan; at most <see cref="Limit"/>.
/// </summary>
public sealed record AuditQuery(ClientId? ClientId, DateTimeOffset? Since, string? PlanId, int Limit);
