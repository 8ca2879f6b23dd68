using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

/// <summary>Plans the cancel of an open order Robson placed. It validates and executes like any plan, also while HALTED.</summary>
public sealed class CreateCancelPlan(RobsonEnvironment env)
{
    public Outcome<Plan> Execute(ClientId clientId, string clientOrderId, long? strategyId)
    {
        var order = env.Store.FindOrder(clientId, clientOrderId);
        if (order is null)
            return Outcome<Plan>.Refuse($"order '{clientOrderId}' not found for client {clientId}");
        if (!order.Status.MayRest)
            return Outcome<Plan>.Refuse($"order '{clientOrderId}' is not open (status {order.Status}): nothing to cancel");
        if (strategyId is { } sid && env.Store.FindStrategy(clientId, sid) is null)
            return Outcome<Plan>.Refuse($"strategy {sid} not found for client {clientId}");
        var strategy = strategyId ?? env.Store.FindPlan(clientId, order.PlanId)?.StrategyId;

        var leg = new PlanLeg(order.Symbol, order.Side, order.Type, order.Quantity, order.Price, null) { CancelsOrder = order.ClientOrderId };
        var plan = PlanHasher.WithHash(new Plan(env.Ids.NewId(), clientId, strategy, PlanKind.Cancel, order.Venue, [leg], env.Time.GetUtcNow(), ""));
        using var tx = env.Store.BeginExclusive(clientId);
        env.Store.InsertPlan(plan);
        env.Store.Append(new AuditEntry(clientId, AuditKinds.PlanCreated, "CREATED", plan.Id, plan.Hash,
            Details.Of(("kind", "cancel"), ("legs", leg.Describe()), ("venue", plan.Venue), ("strategy_id", strategy)), env.Actor, plan.CreatedAt));
        tx.Commit();
        return plan;
    }
}
