using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Ports;

/// <summary>Executions, the LIVE orders they sent and the fills those orders got.</summary>
public interface IExecutionStore
{
    void InsertExecution(ExecutionResult execution);
    void InsertOrder(OrderRecord order);
    void UpdateOrder(OrderRecord order);
    void InsertFill(FillRecord fill);

    /// <summary>True once any LIVE order of the plan was recorded (and so may have reached a venue).</summary>
    bool PlanHasLiveOrders(ClientId clientId, string planId);

    /// <summary>LIVE orders created on <paramref name="day"/> (UTC) that count against daily limits.</summary>
    IReadOnlyList<OrderRecord> LiveOrdersOn(ClientId clientId, DateOnly day);

    /// <summary>Every LIVE fill of the tenant up to and including <paramref name="day"/>, oldest first.</summary>
    IReadOnlyList<FillRecord> LiveFillsThrough(ClientId clientId, DateOnly day);

    IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, int limit);
}
