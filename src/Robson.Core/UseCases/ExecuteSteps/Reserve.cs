using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Validation;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>What the reserving step decided: the guards' verdicts and, for a LIVE plan that passed, its reserved orders.</summary>
internal sealed record Reservation(IReadOnlyList<GuardResult> Guards, bool Passed, IReadOnlyList<OrderRecord> Orders, DateTimeOffset At);

/// <summary>
/// Step 3: in one exclusive transaction read today's figures, run every guard and — for LIVE when all pass — reserve
/// the orders (PENDING, with their deterministic client order ids). The check and the reservation are one atomic
/// step, so concurrent executions can never overshoot a limit.
/// </summary>
internal static class Reserve
{
    public static Reservation Run(ExecutionRun run, Estimate estimate, Action<Reservation> recordUnderLock)
    {
        var store = run.Store;
        var plan = run.Plan;
        using var tx = store.BeginExclusive(run.ClientId);
        // The strategy is read again under the lock: a change made while market data was fetched applies.
        run.Strategy = plan.StrategyId is { } sid ? store.FindStrategy(run.ClientId, sid) : null;
        var now = estimate.VenueTime;
        var today = DailyUsageQuery.For(store, run.ClientId, run.Venue.Name, ExecutionRun.DayOf(now));
        var validation = store.LatestValidation(run.ClientId, plan.Id);
        var marketFailures = plan.Kind == PlanKind.Cancel
            ? []
            : MarketConditions.Failures(MarketCheck.Context(run, estimate.Market, today, estimate.LocalTime), requireAccount: run.Live);
        var context = new GuardContext(run.ClientId, plan, run.Strategy, run.Request.Mode, run.Request.RiskAcknowledged,
            validation, now, today, estimate.Exposure, store.PlanHasLiveOrders(run.ClientId, plan.Id))
        {
            TradingStatus = store.GetTradingState(run.ClientId),
            PlanOnlyReduces = estimate.OnlyReduces,
            // Books are per venue: an order of unknown outcome leaves the position unknown on its own venue only.
            UnresolvedSymbols = store.UnresolvedOrders(run.ClientId, run.Venue.Name)
                .Where(o => o.Status == OrderStatus.Unknown || now - o.CreatedAt > ReconcileOrders.InFlightGrace)
                .Select(o => o.Symbol.Value).ToHashSet(),
            ClockSkew = estimate.VenueTime - estimate.LocalTime,
            SymbolsWithoutPrice = estimate.SymbolsWithoutPrice,
            MarketFailures = marketFailures,
            MarketComparison = MarketCheck.Comparison(estimate.Market, validation),
            AccountChecked = estimate.Market.Account is not null,
        };
        var guards = GuardPipeline.EvaluateAll(context);
        var passed = guards.All(g => g.Passed);
        IReadOnlyList<OrderRecord> orders = [];
        if (passed && run.Live && plan.Kind != PlanKind.Cancel)
        {
            // A sell plan's cancels of protective orders reserve nothing; the exposure lists the order legs in plan order.
            // A buy by quote amount is recorded with its estimated quantity; the venue's fills say what it bought.
            orders = estimate.Legs.Select((leg, i) => (leg, i)).Where(x => !x.leg.IsCancel).Select((x, k) => new OrderRecord(
                ExecutePlan.ClientOrderIdFor(run.ExecutionId, x.i), run.ClientId, run.ExecutionId, plan.Id, x.i, run.Venue.Name, x.leg.Symbol,
                x.leg.Side, x.leg.Type, x.leg.Quantity, x.leg.LimitPrice, OrderStatus.Pending,
                estimate.Exposure.LegNotionals[k], 0m, 0m, null, now) // the venue's day counts it
                {
                    StopPrice = x.leg.StopLoss,
                    TakeProfitPrice = x.leg.TakeProfit,
                }).ToList();
            foreach (var order in orders)
                store.InsertOrder(order);
        }
        var reservation = new Reservation(guards, passed, orders, now);
        recordUnderLock(reservation);
        tx.Commit();
        return reservation;
    }
}
