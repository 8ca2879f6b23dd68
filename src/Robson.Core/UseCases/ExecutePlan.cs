using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;
using Robson.Core.Validation;

namespace Robson.Core.UseCases;

public sealed record ExecutePlanRequest(ClientId ClientId, string PlanId, ExecutionMode Mode, bool RiskAcknowledged);

/// <summary>
/// Evaluates every guard and then simulates (DRY-RUN) or sends (LIVE) the plan's orders. LIVE is arranged so
/// that an order is never lost or sent twice: (0) settle the tenant's orders of unknown outcome on the venue
/// (reconcile); (1) in one exclusive transaction, read today's figures, run the guards and reserve the orders
/// (PENDING, with their deterministic client order ids); (2) per order, mark it SENT, send it once, and record
/// the venue's answer and fills; (3) record the execution. A crash anywhere leaves records reconcile can settle.
/// </summary>
public sealed class ExecutePlan(RobsonEnvironment env)
{
    public Outcome<ExecutionResult> Execute(ExecutePlanRequest request)
    {
        var store = env.Store;
        var plan = store.FindPlan(request.ClientId, request.PlanId);
        if (plan is null)
            return Outcome<ExecutionResult>.Refuse($"plan '{request.PlanId}' not found");
        if (PlanIntegrity.Check(plan) is { } tampering) // stored content no longer matches its hash: nothing is read or sent
            return new RefuseTamperedPlan(env).Execute(request, plan, tampering);
        var strategy = plan.StrategyId is { } sid ? store.FindStrategy(request.ClientId, sid) : null;
        var venue = env.Venues.Find(plan.ClientId, plan.Venue);
        if (venue is null)
            return Outcome<ExecutionResult>.Refuse($"plan '{plan.Id}' names venue '{plan.Venue}', which is not configured");
        var live = request.Mode == ExecutionMode.Live;
        var executionId = env.Ids.NewId();
        var notices = new List<string>();
        List<SimulatedFill?> simulations;
        bool onlyReduces;
        try
        {
            if (live)
                notices.AddRange(ReconcileFirst(request.ClientId, venue.Name, strategy));
            // Market data and balances are read before the lock: they may be slow, and the guards need only estimates.
            simulations = plan.Legs.Select(leg => leg.IsCancel ? null : Simulate(venue, leg)).ToList();
            // Balances matter only while REDUCING (and may need credentials): fetched only then.
            onlyReduces = plan.Kind == PlanKind.Cancel
                          || (store.GetTradingState(request.ClientId).State == TradingState.Reducing
                              && PositionReduction.OnlyReduces(plan, RulesOf(venue, plan), venue.GetBalances(request.ClientId)));
        }
        catch (VenueUnavailableException e)
        {
            // Nothing was sent; the attempt is still recorded and audited, and says why.
            var failed = new ExecutionResult(executionId, plan.Id, plan.Hash, request.ClientId, venue.Name, request.Mode, ExecutionStatus.Failed,
                [], [], $"venue '{venue.Name}' unavailable, nothing sent: {e.Message}", env.Time.GetUtcNow()) { Notices = notices };
            using var tx = store.BeginExclusive();
            Record(failed);
            tx.Commit();
            return failed;
        }
        // A cancel adds no order and no notional.
        var exposure = new PlanExposure(plan.Legs.Select((leg, i) => (leg, i)).Where(x => !x.leg.IsCancel).Select(x => Notional(x.leg, simulations[x.i])).ToList());

        ExecutionResult result;
        List<OrderRecord> reserved;
        using (var tx = store.BeginExclusive())
        {
            var now = env.Time.GetUtcNow();
            // The strategy is read again under the lock: a change made while market data was fetched applies.
            strategy = plan.StrategyId is { } current ? store.FindStrategy(request.ClientId, current) : null;
            var context = new GuardContext(request.ClientId, plan, strategy, request.Mode, request.RiskAcknowledged,
                store.LatestValidation(request.ClientId, plan.Id), now,
                DailyUsageQuery.For(store, request.ClientId, DateOnly.FromDateTime(now.UtcDateTime)), exposure,
                store.PlanHasLiveOrders(request.ClientId, plan.Id))
            {
                TradingStatus = store.GetTradingState(request.ClientId),
                PlanOnlyReduces = onlyReduces,
                UnresolvedSymbols = store.UnresolvedOrders(request.ClientId, null)
                    .Where(o => o.Status == OrderRecord.Unknown || now - o.CreatedAt > ReconcileOrders.InFlightGrace)
                    .Select(o => o.Symbol.Value).ToHashSet(),
            };
            var guards = GuardPipeline.EvaluateAll(context);
            var passed = guards.All(g => g.Passed);

            if (passed && live && plan.Kind == PlanKind.Cancel)
            {
                tx.Commit();
                return SendCancels(new ExecutionResult(executionId, plan.Id, plan.Hash, request.ClientId, venue.Name, request.Mode,
                    ExecutionStatus.Success, guards, [], null, now) { Notices = notices }, plan, venue);
            }
            if (!passed || !live)
            {
                var actions = passed ? plan.Legs.Select((leg, i) => SimulatedAction(venue, leg, simulations[i])).ToList() : [];
                result = new ExecutionResult(executionId, plan.Id, plan.Hash, request.ClientId, venue.Name, request.Mode,
                    passed ? ExecutionStatus.Success : ExecutionStatus.Blocked, guards, actions,
                    passed ? null : "Execution blocked by safety checks: " + string.Join(", ", guards.Where(g => !g.Passed).Select(g => g.Name)), now)
                {
                    Notices = notices,
                };
                Record(result);
                tx.Commit();
                return result;
            }

            reserved = plan.Legs.Select((leg, i) => new OrderRecord(ClientOrderIdFor(executionId, i), request.ClientId, executionId, plan.Id, i,
                venue.Name, leg.Symbol, leg.Side, leg.Type, leg.Quantity, leg.LimitPrice, OrderRecord.Pending,
                exposure.LegNotionals[i], 0m, 0m, null, now)).ToList();
            foreach (var order in reserved)
                store.InsertOrder(order);
            result = new ExecutionResult(executionId, plan.Id, plan.Hash, request.ClientId, venue.Name, request.Mode,
                ExecutionStatus.Success, guards, [], null, now) { Notices = notices };
            tx.Commit();
        }

        return SendAndRecord(result, plan, strategy, venue, reserved);
    }

    /// <summary>Robson's client order id: deterministic from execution and leg, with a recognisable prefix (≤ 36 characters).</summary>
    public static string ClientOrderIdFor(string executionId, int legIndex) => $"{ReconcileOrders.ClientOrderIdPrefix}{executionId}-{legIndex + 1}";

    private ExecutionResult SendAndRecord(ExecutionResult reservedResult, Plan plan, Strategy? strategy, IVenue venue, List<OrderRecord> reserved)
    {
        var store = env.Store;
        var answers = new List<(OrderRecord Order, VenueOrderResult Answer)>();
        foreach (var order in reserved)
        {
            using (var tx = store.BeginExclusive())
            {
                // Only a still-PENDING order is sent: if reconcile declared it abandoned meanwhile, it stays unsent.
                if (!store.ChangeOrderStatus(order.ClientId, order.ClientOrderId, OrderRecord.Pending, OrderRecord.Sent, env.Time.GetUtcNow()))
                {
                    answers.Add((order, new VenueOrderResult(OrderRecord.NotSent, null, [], "not sent: the reservation was settled by reconcile first")));
                    continue;
                }
                store.Append(new AuditEntry(order.ClientId, AuditKinds.OrderSent, OrderRecord.Sent, plan.Id, plan.Hash,
                    Details.Of(("execution_id", order.ExecutionId), ("client_order_id", order.ClientOrderId), ("venue", venue.Name),
                        ("order", plan.Legs[order.LegIndex].Describe())), env.Actor, env.Time.GetUtcNow()));
                tx.Commit();
            }
            VenueOrderResult answer;
            try
            {
                answer = venue.PlaceOrder(new VenueOrderRequest(order.ClientId, order.ClientOrderId, plan.Legs[order.LegIndex]));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The venue may or may not have the order: it stays UNKNOWN (counted) until reconciled.
                answer = new VenueOrderResult(OrderRecord.Unknown, null, [], e.Message);
            }
            var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
            using (var tx = store.BeginExclusive())
            {
                // Reconcile may have settled the order meanwhile: its venue-confirmed state is never overwritten by
                // a weaker answer; an inferred one ("not placed") gives way to what the venue said.
                var current = store.FindOrder(order.ClientId, order.ClientOrderId) ?? order;
                if (current.Status == OrderRecord.Sent || (OrderOutcomes.IsVenueConfirmed(answer.Status) && !OrderOutcomes.IsVenueConfirmed(current.Status)))
                    OrderOutcomes.Record(store, venue, current, answer, fees, plan.Hash, env.Actor, env.Time.GetUtcNow(),
                        AuditKinds.ForAnswer(answer.Status, answer.Fills.Count > 0));
                tx.Commit();
            }
            answers.Add((order, answer));
        }

        var now = env.Time.GetUtcNow();
        var failures = answers.Where(a => a.Answer.Status is OrderRecord.Rejected or OrderRecord.Unknown or OrderRecord.NotSent).ToList();
        var result = reservedResult with
        {
            Status = failures.Count == 0 ? ExecutionStatus.Success : ExecutionStatus.Failed,
            Actions = answers.Select(a => RealAction(venue, plan.Legs[a.Order.LegIndex], a.Order, a.Answer)).ToList(),
            Error = failures.Count == 0 ? null : string.Join("; ", failures.Select(f => $"{f.Order.ClientOrderId} {f.Answer.Status}: {f.Answer.Reason}")),
            ExecutedAt = now,
        };
        using (var tx = store.BeginExclusive())
        {
            result = result with { Notices = [.. result.Notices, .. HaltAtLossLimit(result.ClientId, strategy, now)] };
            Record(result);
            tx.Commit();
        }
        RecordEquity(venue, result.ClientId, now);
        return result;
    }

    /// <summary>
    /// Before any LIVE execution: settle the tenant's open and unknown orders on the venue from its records, halt
    /// if the fills found take today's loss to the limit, and say if the venue holds orders Robson has no record of.
    /// </summary>
    private List<string> ReconcileFirst(ClientId clientId, string venue, Strategy? strategy)
    {
        var report = new ReconcileOrders(env).Run(clientId, venue);
        var notices = new List<string>();
        if (report.Resolved.Count > 0)
            notices.Add($"Reconciled first: {report.Resolved.Count} order(s) settled from the venue's records");
        if (report.Orphans.Count > 0)
            notices.Add($"The venue holds {report.Orphans.Count} open order(s) with Robson's prefix and no record here: {string.Join(", ", report.Orphans.Select(o => o.ClientOrderId))}");
        using var tx = env.Store.BeginExclusive();
        notices.AddRange(HaltAtLossLimit(clientId, strategy, env.Time.GetUtcNow()));
        tx.Commit();
        return notices;
    }

    /// <summary>LIVE cancel: one request per order, audited before it leaves; the venue's answer settles the order's record.</summary>
    private ExecutionResult SendCancels(ExecutionResult result, Plan plan, IVenue venue)
    {
        var store = env.Store;
        var actions = new List<ExecutionAction>();
        var errors = new List<string>();
        foreach (var leg in plan.Legs)
        {
            var order = store.FindOrder(plan.ClientId, leg.CancelsOrder!);
            using (var tx = store.BeginExclusive())
            {
                store.Append(new AuditEntry(plan.ClientId, AuditKinds.OrderCancelSent, "SENT", plan.Id, plan.Hash,
                    Details.Of(("execution_id", result.ExecutionId), ("client_order_id", leg.CancelsOrder), ("venue", venue.Name)), env.Actor, env.Time.GetUtcNow()));
                tx.Commit();
            }
            VenueOrderResult answer;
            try
            {
                answer = venue.CancelOrder(plan.ClientId, leg.Symbol, leg.CancelsOrder!);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                answer = new VenueOrderResult(OrderRecord.Unknown, null, [], e.Message + " (reconcile settles the order)");
            }
            if (order is not null && answer.Status is not ("REJECTED" or "UNKNOWN"))
            {
                var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
                using var tx = store.BeginExclusive();
                if (store.FindOrder(plan.ClientId, order.ClientOrderId) is { } current) // read again under the lock
                    OrderOutcomes.Record(store, venue, current, answer, fees, plan.Hash, env.Actor, env.Time.GetUtcNow(), AuditKinds.OrderCanceled);
                tx.Commit();
            }
            if (answer.Status != "CANCELED") errors.Add($"{leg.CancelsOrder} {answer.Status}: {answer.Reason}");
            actions.Add(new ExecutionAction(ExecutionAction.Real, $"LIVE {leg.Describe()} on {venue.Name}",
                Details.Of(("venue", venue.Name), ("client_order_id", leg.CancelsOrder), ("status", answer.Status),
                    ("executed_quantity", answer.ExecutedQuantity), ("reason", answer.Reason)),
                answer.Status == "CANCELED" ? $"Order canceled on {venue.Name}" : $"Cancel not confirmed on {venue.Name}: {answer.Status} {answer.Reason}"));
        }
        result = result with
        {
            Status = errors.Count == 0 ? ExecutionStatus.Success : ExecutionStatus.Failed,
            Actions = actions,
            Error = errors.Count == 0 ? null : string.Join("; ", errors),
            ExecutedAt = env.Time.GetUtcNow(),
        };
        using (var tx = store.BeginExclusive())
        {
            Record(result);
            tx.Commit();
        }
        return result;
    }

    /// <summary>Equity after a LIVE execution, for drawdown; a venue that cannot say is skipped, never fatal now.</summary>
    private void RecordEquity(IVenue venue, ClientId clientId, DateTimeOffset now)
    {
        try
        {
            if (AccountValuation.Snapshot(venue, clientId) is { } account)
                env.Store.RecordEquity(clientId, venue.Name, account.Equity, now);
        }
        catch (VenueUnavailableException)
        {
            // The orders are recorded; the next validation takes a snapshot again.
        }
    }

    /// <summary>Robson halts a tenant by itself once today's realised loss reaches max_loss_per_day.</summary>
    private List<string> HaltAtLossLimit(ClientId clientId, Strategy? strategy, DateTimeOffset now)
    {
        if (strategy?.Settings.MaxLossPerDay is not { } maxLoss) return [];
        var store = env.Store;
        var loss = DailyUsageQuery.For(store, clientId, DateOnly.FromDateTime(now.UtcDateTime)).RealisedLoss;
        if (loss < maxLoss || store.GetTradingState(clientId).State == TradingState.Halted) return [];
        var reason = $"automatic: realised loss today {Decimals.Canonical(Math.Round(loss, 8))} reached max_loss_per_day {Decimals.Canonical(maxLoss)}";
        store.SetTradingState(clientId, new TradingStatus(TradingState.Halted, reason, now));
        store.Append(new AuditEntry(clientId, AuditKinds.TradingHalted, "HALTED", null, null,
            Details.Of(("reason", reason), ("strategy_id", strategy.Id), ("automatic", "true")), env.Actor, now));
        return [$"Trading HALTED for client {clientId}: {reason}. Resume with `robson resume --client-id {clientId} --acknowledge-risk`."];
    }

    private static IReadOnlyDictionary<Symbol, SymbolRules> RulesOf(IVenue venue, Plan plan) =>
        plan.Legs.Select(l => venue.FindSymbol(l.Symbol)).OfType<SymbolRules>().DistinctBy(r => r.Symbol).ToDictionary(r => r.Symbol);

    private void Record(ExecutionResult result)
    {
        env.Store.InsertExecution(result);
        env.Store.Append(new AuditEntry(result.ClientId, AuditKinds.PlanExecuted, result.Status.Wire(), result.PlanId, result.PlanHash,
            Details.Of(("execution_id", result.ExecutionId), ("mode", result.Mode.Wire()), ("venue", result.Venue),
                ("guards", string.Join(",", result.Guards.Select(g => (g.Passed ? "+" : "-") + g.Name))),
                ("actions", result.Actions.Count), ("error", result.Error)), env.Actor, result.ExecutedAt));
    }

    private static SimulatedFill? Simulate(IVenue venue, PlanLeg leg)
    {
        var book = venue.GetOrderBook(leg.Symbol);
        return FillSimulator.Simulate(book, leg.Side, leg.Quantity, leg.LimitPrice, venue.TakerFeeRate);
    }

    /// <summary>A limit order is valued at its limit; a market order at its expected fill (the mid for any part the book lacks).</summary>
    private static decimal Notional(PlanLeg leg, SimulatedFill? fill) => leg.LimitPrice is { } price
        ? price * leg.Quantity
        : fill is null ? 0m : fill.Notional + (fill.RequestedQuantity - fill.FilledQuantity) * (fill.Mid ?? fill.AveragePrice);

    private static ExecutionAction SimulatedAction(IVenue venue, PlanLeg leg, SimulatedFill? fill)
    {
        if (leg.IsCancel)
            return new ExecutionAction(ExecutionAction.Simulated, $"Simulated {leg.Describe()}", Details.Of(("venue", venue.Name), ("client_order_id", leg.CancelsOrder)),
                "Simulated successfully (no cancel request sent)");
        var quote = venue.FindSymbol(leg.Symbol)?.QuoteAsset ?? "";
        var details = fill is null
            ? Details.Of(("venue", venue.Name))
            : Details.Of(("venue", venue.Name), ("symbol", leg.Symbol), ("side", leg.Side.Wire()), ("type", leg.Type.Wire()),
                ("quantity", leg.Quantity), ("limit_price", leg.LimitPrice), ("filled_quantity", fill.FilledQuantity),
                ("average_price", fill.AveragePrice), ("notional", Math.Round(fill.Notional, 8)), ("mid", fill.Mid),
                ("slippage_bps", fill.SlippageBps), ("fee", Math.Round(fill.Fee, 8)), ("fee_asset", quote));
        var result = fill is { FullyFilled: true }
            ? "Simulated successfully (no real order placed)"
            : $"Simulated: only {Decimals.Canonical(fill?.FilledQuantity ?? 0)} of {Decimals.Canonical(leg.Quantity)} would fill against the book now" +
              (leg.LimitPrice is null ? "" : " at or better than the limit") + " (no real order placed)";
        return new ExecutionAction(ExecutionAction.Simulated, $"Simulated {leg.Describe()}", details, result);
    }

    private static ExecutionAction RealAction(IVenue venue, PlanLeg leg, OrderRecord order, VenueOrderResult answer)
    {
        var average = answer.ExecutedQuantity > 0 ? Math.Round(answer.ExecutedNotional / answer.ExecutedQuantity, 8) : 0m;
        var fee = answer.Fills.Sum(f => f.Commission);
        var feeAsset = answer.Fills.FirstOrDefault()?.CommissionAsset ?? "";
        var details = Details.Of(("venue", venue.Name), ("client_order_id", order.ClientOrderId), ("venue_order_id", answer.VenueOrderId),
            ("status", answer.Status), ("executed_quantity", answer.ExecutedQuantity), ("average_price", average),
            ("notional", Math.Round(answer.ExecutedNotional, 8)), ("fee", fee), ("fee_asset", feeAsset), ("reason", answer.Reason));
        var outcome = answer.Status switch
        {
            OrderRecord.Rejected => $"Order rejected by {venue.Name}: {answer.Reason}",
            OrderRecord.Unknown => $"Outcome unknown on {venue.Name}: {answer.Reason} (counted until reconciled)",
            _ => $"Order {answer.Status} on {venue.Name}: {Decimals.Canonical(answer.ExecutedQuantity)} @ {Decimals.Canonical(average)}, fee {Decimals.Canonical(fee)} {feeAsset}"
                 + (answer.Reason is null ? "" : $" ({answer.Reason})"),
        };
        return new ExecutionAction(ExecutionAction.Real, $"LIVE {leg.Describe()} on {venue.Name}", details, outcome);
    }
}
