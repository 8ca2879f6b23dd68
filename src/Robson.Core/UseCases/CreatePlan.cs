using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

public sealed record CreatePlanRequest(
    ClientId ClientId, PlanKind Kind, Symbol Symbol, decimal Quantity, OrderType Type,
    decimal? LimitPrice, decimal? StopLoss, long? StrategyId, string Venue);

/// <summary>Stores an immutable, content-hashed plan. Nothing is sent anywhere.</summary>
public sealed class CreatePlan(RobsonEnvironment env)
{
    public Outcome<Plan> Execute(CreatePlanRequest request)
    {
        var venue = env.Venues.Find(request.ClientId, request.Venue);
        if (venue is null)
            return Outcome<Plan>.Refuse($"unknown venue '{request.Venue}'");
        if (venue.FindSymbol(request.Symbol) is null)
            return Outcome<Plan>.Refuse($"unknown symbol '{request.Symbol}' on venue '{venue.Name}'");
        if (request.StrategyId is { } strategyId && env.Store.FindStrategy(request.ClientId, strategyId) is null)
            return Outcome<Plan>.Refuse($"strategy {strategyId} not found for client {request.ClientId}");

        var side = request.Kind == PlanKind.Buy ? OrderSide.Buy : OrderSide.Sell;
        var leg = new PlanLeg(request.Symbol, side, request.Type, request.Quantity, request.LimitPrice, request.StopLoss);
        var plan = PlanHasher.WithHash(new Plan(env.Ids.NewId(), request.ClientId, request.StrategyId, request.Kind,
            venue.Name, [leg], env.Time.GetUtcNow(), ""));

        using var tx = env.Store.BeginExclusive();
        env.Store.InsertPlan(plan);
        env.Store.Append(new AuditEntry(plan.ClientId, AuditKinds.PlanCreated, "CREATED", plan.Id, plan.Hash,
            Details.Of(("legs", leg.Describe()), ("venue", plan.Venue), ("strategy_id", plan.StrategyId)), env.Actor, plan.CreatedAt));
        tx.Commit();
        return plan;
    }
}
