using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

/// <summary>The status of a tenant's plans (read-only). A list reads a fixed number of queries, never one per plan.</summary>
public sealed class QueryPlanStatus(RobsonEnvironment env)
{
    public IReadOnlyList<PlanStatus> List(ClientId clientId)
    {
        var plans = env.Store.ListPlans(clientId);
        if (plans.Count == 0) return [];
        var histories = env.Store.PlanHistories(clientId, null);
        var strategies = env.Store.ListStrategies(clientId).ToDictionary(s => s.Id);
        var now = env.Time.GetUtcNow();
        return plans.Select(p => PlanStatus.Derive(p, histories.GetValueOrDefault(p.Id, PlanHistory.None),
            p.StrategyId is { } id ? strategies.GetValueOrDefault(id) : null, now)).ToList();
    }

    /// <summary>Null when the tenant has no such plan (another tenant's plan is not found either).</summary>
    public PlanStatus? Show(ClientId clientId, string planId)
    {
        if (env.Store.FindPlan(clientId, planId) is not { } plan) return null;
        var history = env.Store.PlanHistories(clientId, plan.Id).GetValueOrDefault(plan.Id, PlanHistory.None);
        var strategy = plan.StrategyId is { } id ? env.Store.FindStrategy(clientId, id) : null;
        return PlanStatus.Derive(plan, history, strategy, env.Time.GetUtcNow());
    }
}
