using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

public sealed record RebalanceRequest(ClientId ClientId, IReadOnlyDictionary<string, decimal> Targets, long StrategyId, string Venue);

/// <summary>Plans a rebalance from the venue's balances and prices. Stored like any plan; nothing is sent.</summary>
public sealed class CreateRebalancePlan(RobsonEnvironment env)
{
    public Outcome<(Plan Plan, IReadOnlyList<string> Notes)> Execute(RebalanceRequest request)
    {
        var venue = env.Venues.Find(request.ClientId, request.Venue);
        if (venue is null)
            return Refuse($"unknown venue '{request.Venue}'");
        if (env.Store.FindStrategy(request.ClientId, request.StrategyId) is null)
            return Refuse($"strategy {request.StrategyId} not found for client {request.ClientId}");

        if (AccountValuation.Snapshot(venue, request.ClientId) is not { } account)
            return Refuse($"balances on venue '{venue.Name}' are unavailable, so a rebalance cannot be computed");
        var symbolsByBase = venue.ListSymbols().Where(s => s.QuoteAsset == account.QuoteAsset).ToDictionary(s => s.BaseAsset);
        foreach (var asset in request.Targets.Keys)
            if (asset != account.QuoteAsset && !symbolsByBase.ContainsKey(asset))
                return Refuse($"unknown asset '{asset}' on venue '{venue.Name}' (no {asset}{account.QuoteAsset} market)");
        var priced = AccountSnapshot(venue, account, symbolsByBase, request.Targets.Keys);
        if (priced.Equity <= 0)
            return Refuse($"client {request.ClientId} holds nothing on venue '{venue.Name}' to rebalance");

        var proposal = RebalancePlanner.Propose(priced, request.Targets, symbolsByBase, venue.TakerFeeRate);
        if (proposal.Legs.Count == 0)
            return Refuse("nothing to rebalance: the allocation is already within one step (or the venue's minimum order) of the target");

        var plan = PlanHasher.WithHash(new Plan(env.Ids.NewId(), request.ClientId, request.StrategyId, PlanKind.Rebalance, venue.Name,
            proposal.Legs, env.Time.GetUtcNow(), "") { Allocation = proposal.Allocation });
        using var tx = env.Store.BeginExclusive(request.ClientId);
        env.Store.InsertPlan(plan);
        env.Store.Append(new AuditEntry(plan.ClientId, AuditKinds.PlanCreated, "CREATED", plan.Id, plan.Hash,
            Details.Of(("kind", "rebalance"), ("legs", string.Join("; ", plan.Legs.Select(l => l.Describe()))),
                ("targets", string.Join(",", request.Targets.Select(t => $"{t.Key}:{Decimals.Canonical(t.Value)}"))),
                ("venue", plan.Venue), ("strategy_id", plan.StrategyId)), env.Actor, plan.CreatedAt));
        tx.Commit();
        return Outcome<(Plan, IReadOnlyList<string>)>.Ok((plan, proposal.Notes));
    }

    // Targets may name assets not held yet; they need a price too.
    private static Market.AccountSnapshot AccountSnapshot(Ports.IVenue venue, Market.AccountSnapshot account,
        IReadOnlyDictionary<string, Market.SymbolRules> symbolsByBase, IEnumerable<string> targets)
    {
        var prices = new Dictionary<string, decimal>(account.Prices);
        foreach (var asset in targets.Where(a => a != account.QuoteAsset && !prices.ContainsKey(a)))
            if (venue.GetOrderBook(symbolsByBase[asset].Symbol).Mid is { } mid)
                prices[asset] = mid;
        return account with { Prices = prices };
    }

    private static Outcome<(Plan, IReadOnlyList<string>)> Refuse(string error) => Outcome<(Plan, IReadOnlyList<string>)>.Refuse(error);
}
