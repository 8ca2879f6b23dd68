using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// A chain's head as seen outside the events table: the tenant (null for the chain without a tenant), the position of
/// the event appended and its hash. A witness holds one per append; a head kept elsewhere may have no position.
/// </summary>
public sealed record AuditHead(ClientId? ClientId, long? Position, string Hash);
