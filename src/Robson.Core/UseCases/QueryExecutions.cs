using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Core.UseCases;

/// <summary>Reads (never writes) recorded executions with their plan's legs, orders and fills; always scoped by tenant.</summary>
public sealed class QueryExecutions(RobsonEnvironment env)
{
    public IReadOnlyList<ExecutionDetail> List(ClientId clientId, string? planId, int limit) => List(clientId, new ExecutionFilter(PlanId: planId), limit);

    public IReadOnlyList<ExecutionDetail> List(ClientId clientId, ExecutionFilter filter, int limit)
    {
        var legs = new Dictionary<string, string>();
        return env.Store.ListExecutions(clientId, filter, limit).Select(e => Detail(e, legs)).ToList();
    }

    /// <summary>The execution, or a refusal that looks the same for an unknown id and another tenant's.</summary>
    public Outcome<ExecutionDetail> Show(ClientId clientId, string executionId) =>
        env.Store.FindExecution(clientId, executionId) is { } execution
            ? Detail(execution, [])
            : Outcome<ExecutionDetail>.Refuse($"execution '{executionId}' not found");

    private ExecutionDetail Detail(ExecutionResult e, Dictionary<string, string> legs)
    {
        if (!legs.TryGetValue(e.PlanId, out var order))
        {
            var plan = env.Store.FindPlan(e.ClientId, e.PlanId);
            legs[e.PlanId] = order = plan is null ? "" : string.Join("; ", plan.Legs.Select(l => l.Describe()));
        }
        return e.Mode == ExecutionMode.DryRun
            ? new ExecutionDetail(e, order, [], [])
            : new ExecutionDetail(e, order, env.Store.OrdersOfExecution(e.ClientId, e.ExecutionId), env.Store.FillsOfExecution(e.ClientId, e.ExecutionId));
    }
}
