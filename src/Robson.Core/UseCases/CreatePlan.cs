using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

public sealed record CreatePlanRequest(
    ClientId ClientId, PlanKind Kind, Symbol Symbol, decimal Quantity, OrderType Type,
    decimal? LimitPrice, decimal? StopLoss, long? StrategyId, string Venue, decimal? TakeProfit = null, TimeInForce? TimeInForce = null,
    decimal? QuoteQuantity = null);

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

        if (Inconsistent(request) is { } error)
            return Outcome<Plan>.Refuse(error);

        var side = request.Kind == PlanKind.Buy ? OrderSide.Buy : OrderSide.Sell;
        var leg = new PlanLeg(request.Symbol, side, request.Type, request.Quantity, request.LimitPrice, request.StopLoss)
        {
            TakeProfit = request.TakeProfit,
            TimeInForce = request.TimeInForce,
            QuoteQuantity = request.QuoteQuantity,
        };
        var legs = request.Kind == PlanKind.Sell ? [.. ProtectionCancels(request, venue.Name), leg] : new List<PlanLeg> { leg };
        var plan = PlanHasher.WithHash(new Plan(env.Ids.NewId(), request.ClientId, request.StrategyId, request.Kind,
            venue.Name, legs, env.Time.GetUtcNow(), ""));

        using var tx = env.Store.BeginExclusive(request.ClientId);
        env.Store.InsertPlan(plan);
        env.Store.Append(new AuditEntry(plan.ClientId, AuditKinds.PlanCreated, "CREATED", plan.Id, plan.Hash,
            Details.Of(("legs", string.Join("; ", legs.Select(l => l.Describe()))), ("venue", plan.Venue), ("strategy_id", plan.StrategyId)), env.Actor, plan.CreatedAt));
        tx.Commit();
        return plan;
    }

    /// <summary>
    /// A sell of a position Robson protects first takes the protective orders covering the quantity sold off the venue
    /// (newest first): they lock the asset the sell needs, and would sell it a second time. Each cancel is a leg of the
    /// plan, before the sell, validated and audited like any other; what they covered beyond the sale is protected again
    /// once the sell is done.
    /// </summary>
    private List<PlanLeg> ProtectionCancels(CreatePlanRequest request, string venue)
    {
        var cancels = new List<PlanLeg>();
        var covered = 0m;
        foreach (var order in env.Store.RestingOrders(request.ClientId, venue)
                     .Where(o => o.Role.IsProtective && o.Symbol == request.Symbol).OrderByDescending(o => o.CreatedAt))
        {
            if (covered >= request.Quantity) break;
            var open = order.Quantity - order.ExecutedQuantity;
            cancels.Add(new PlanLeg(order.Symbol, order.Side, order.Type, open, order.Price, order.StopPrice) { CancelsOrder = order.ClientOrderId });
            covered += open;
        }
        cancels.Reverse();
        return cancels;
    }

    /// <summary>Options that cannot go together: refused before anything is stored.</summary>
    private static string? Inconsistent(CreatePlanRequest request)
    {
        if (request.TimeInForce is not null && request.Type != OrderType.Limit)
            return "--tif applies to limit orders only: give --limit PRICE, or drop --tif";
        if (request.QuoteQuantity is { } quote)
        {
            // Binance takes quoteOrderQty on MARKET orders only; a sell by quote amount is not offered (see README).
            if (request.Kind != PlanKind.Buy) return "--quote applies to `plan buy` only";
            if (request.Type != OrderType.Market) return "--quote buys at market: it cannot go with --limit";
            if (request.Quantity != 0) return "give either QUANTITY or --quote AMOUNT, not both";
            if (quote <= 0) return "--quote must be greater than 0";
        }
        if (request.TakeProfit is not { } takeProfit)
            return null;
        if (request.Kind != PlanKind.Buy)
            return "--take-profit protects what a buy bought: it applies to `plan buy` only";
        if (request.StopLoss is not { } stop)
            return "--take-profit needs --stop-loss: the two are placed together as one OCO order on the venue";
        if (takeProfit <= stop)
            return $"--take-profit {Decimals.Canonical(takeProfit)} must be above --stop-loss {Decimals.Canonical(stop)}";
        if (request.LimitPrice is { } limit && takeProfit <= limit)
            return $"--take-profit {Decimals.Canonical(takeProfit)} must be above the limit price {Decimals.Canonical(limit)}";
        return null;
    }
}
