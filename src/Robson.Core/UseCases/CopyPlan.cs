using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

/// <summary>
/// A new plan with the content of one the tenant already has (kind, strategy, venue, legs, allocation): a new id and
/// creation time, hence a new hash, and no history, so it is validated and executed afresh. Plans are never edited or
/// re-sent; this is how the same orders are placed again. Audited as a plan creation naming its source.
/// </summary>
public sealed class CopyPlan(RobsonEnvironment env)
{
    public Outcome<Plan> Execute(ClientId clientId, string sourceId)
    {
        if (env.Store.FindPlan(clientId, sourceId) is not { } source)
            return Outcome<Plan>.Refuse($"plan '{sourceId}' not found");
        // The plan may name a venue removed since: its copy could never be validated nor executed.
        if (env.Venues.Find(clientId, source.Venue) is null)
            return Outcome<Plan>.Refuse($"plan '{source.Id}' is for venue '{source.Venue}', which is no longer configured");

        var plan = PlanHasher.WithHash(source with { Id = env.Ids.NewId(), CreatedAt = env.Time.GetUtcNow(), Hash = "" });
        using var tx = env.Store.BeginExclusive(clientId);
        env.Store.InsertPlan(plan);
        env.Store.Append(new AuditEntry(plan.ClientId, AuditKinds.PlanCreated, "CREATED", plan.Id, plan.Hash,
            Details.Of(("legs", string.Join("; ", plan.Legs.Select(l => l.Describe()))), ("venue", plan.Venue), ("strategy_id", plan.StrategyId),
                ("copied_from", source.Id), ("copied_from_hash", source.Hash)), env.Actor, plan.CreatedAt));
        tx.Commit();
        return plan;
    }
}
