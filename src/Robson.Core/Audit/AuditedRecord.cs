using Robson.Core.Domain;

namespace Robson.Core.Audit;

/// <summary>
/// A stored record, as much of it as the cross-check needs: tenant, kind and id (a plan, validation or execution id, a
/// client order id, a strategy id as text). An order carries its status (a PENDING reservation has no event yet), a
/// strategy its current version.
/// </summary>
public sealed record AuditedRecord(ClientId ClientId, AuditedRecordKind Kind, string Id)
{
    public Execution.OrderStatus? OrderStatus { get; init; }

    public int StrategyVersion { get; init; }
}
