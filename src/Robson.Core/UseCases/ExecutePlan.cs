using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;
using Robson.Core.UseCases.ExecuteSteps;

namespace Robson.Core.UseCases;

public sealed record ExecutePlanRequest(ClientId ClientId, string PlanId, ExecutionMode Mode, bool RiskAcknowledged);

/// <summary>
/// Executes a plan in ordered steps, each a class of its own: (1) LIVE: reconcile the tenant's open and unknown
/// orders first; (2) estimate: read the market, the account and the venue's clock; (3) reserve: in one exclusive
/// transaction run every guard and, for LIVE, reserve the orders (PENDING); DRY-RUN and blocked executions end here;
/// (4) send each leg, checking the market and the kill switch again as it leaves; (5) record the execution. An order
/// is never lost or sent twice: a crash anywhere leaves records reconcile can settle.
/// </summary>
public sealed class ExecutePlan(RobsonEnvironment env)
{
    public Outcome<ExecutionResult> Execute(ExecutePlanRequest request)
    {
        var plan = env.Store.FindPlan(request.ClientId, request.PlanId);
        if (plan is null)
            return Outcome<ExecutionResult>.Refuse($"plan '{request.PlanId}' not found");
        if (PlanIntegrity.Check(plan) is { } tampering) // stored content no longer matches its hash: nothing is read or sent
            return new RefuseTamperedPlan(env).Execute(request, plan, tampering);
        var venue = env.Venues.Find(plan.ClientId, plan.Venue);
        if (venue is null)
            return Outcome<ExecutionResult>.Refuse($"plan '{plan.Id}' names venue '{plan.Venue}', which is not configured");
        var run = new ExecutionRun(env, request, plan, venue)
        {
            Strategy = plan.StrategyId is { } sid ? env.Store.FindStrategy(request.ClientId, sid) : null,
        };

        Estimate estimate;
        try
        {
            // The venue's clock is read once; "today", ages and fills are dated by it from here on, with no further request.
            if (plan.Kind != PlanKind.Cancel)
                run.ClockOffset = venue.Now() - env.Time.GetUtcNow();
            if (run.Live)
                ReconcileFirst.Run(run);
            estimate = Estimate.Read(run);
        }
        catch (VenueUnavailableException e)
        {
            // Nothing was sent; the attempt is still recorded and audited, and says why.
            return run.RecordAlone(run.Result(ExecutionStatus.Failed, [], [], $"venue '{venue.Name}' unavailable, nothing sent: {e.Message}",
                env.Time.GetUtcNow()));
        }

        ExecutionResult? ended = null;
        var reservation = Reserve.Run(run, estimate, r =>
        {
            if (r.Passed && run.Live) return; // orders reserved: they are sent next
            ended = Ended(run, estimate, r);
            run.Record(ended);
        });
        if (ended is not null) return ended;

        var sender = new SendLegs(run, estimate.Market);
        var outcomes = sender.Run(reservation.Orders);
        var result = Sent(run, reservation, sender, outcomes);
        run.RecordAlone(result);
        RecordEquity(run, result.ExecutedAt);
        return result;
    }

    /// <summary>Robson's client order id: deterministic from execution and leg, with a recognisable prefix (≤ 36 characters).</summary>
    public static string ClientOrderIdFor(string executionId, int legIndex) => $"{ReconcileOrders.ClientOrderIdPrefix}{executionId}-{legIndex + 1}";

    /// <summary>A DRY-RUN (simulated against the books read) or an execution the guards blocked.</summary>
    private static ExecutionResult Ended(ExecutionRun run, Estimate estimate, Reservation reservation)
    {
        var collar = (run.Strategy?.Settings ?? new StrategySettings()).PriceCollarPercent;
        var actions = reservation.Passed
            ? estimate.Legs.Select((leg, i) => ExecutionActions.Simulated(run.Venue, estimate.Market, collar, leg, estimate.Fills[i])).ToList()
            : [];
        var error = reservation.Passed ? null : "Execution blocked by safety checks: " + string.Join(", ", reservation.Guards.Where(g => !g.Passed).Select(g => g.Name));
        return run.Result(reservation.Passed ? ExecutionStatus.Success : ExecutionStatus.Blocked, reservation.Guards, actions, error, reservation.At);
    }

    /// <summary>
    /// Step 5: the outcome of the legs sent. An execution none of whose orders left because a rule failed as the first
    /// was leaving is BLOCKED (with that check among its guards); one in which an entry filled but could not be protected
    /// is UNPROTECTED; one with any order rejected, unknown, not sent or not placed is FAILED; one whose orders were all
    /// accepted but none filled and none rests is NOT_FILLED. Only then SUCCESS (a resting limit is one).
    /// </summary>
    private static ExecutionResult Sent(ExecutionRun run, Reservation reservation, SendLegs sender, IReadOnlyList<LegOutcome> outcomes)
    {
        var guards = sender.SendTimeFailure is { } failure
            ? reservation.Guards.Select(g => g.Name == failure.Name ? failure : g).ToList()
            : reservation.Guards;
        var failures = outcomes.Where(o => o.Order is null
            ? o.Answer.Status != OrderStatus.Canceled
            : o.Answer.Status == OrderStatus.Rejected || o.Answer.Status.IsUnresolved || o.Answer.Status == OrderStatus.NotSent
              || o.Answer.Status == OrderStatus.NotPlaced).ToList();
        var unprotected = outcomes.Where(o => o.Protection?.State == Protection.ProtectionState.Unprotected).ToList();
        var orders = outcomes.Where(o => o.Order is not null).ToList();
        var nothingFilled = orders.Count > 0 && orders.All(o => o.Answer.ExecutedQuantity == 0 && !o.Answer.Status.MayRest);
        var status = !sender.AnySent && failures.Count > 0 ? ExecutionStatus.Blocked
            : unprotected.Count > 0 ? ExecutionStatus.Unprotected
            : failures.Count > 0 ? ExecutionStatus.Failed
            : nothingFilled ? ExecutionStatus.NotFilled
            : ExecutionStatus.Success;
        foreach (var o in unprotected)
            run.Notices.Add(new UnprotectedPosition(run.ClientId, o.Protection!.Entry.ClientOrderId, run.Venue.Name, o.Protection.Entry.Symbol,
                o.Protection.Entry.ExecutedQuantity, o.Protection.Message, o.Protection.RetryCommand));
        var actions = outcomes.SelectMany(o => ExecutionActions.Real(run.Venue, run.Plan.Legs[o.LegIndex], o)).ToList();
        var problems = unprotected.Select(o => $"{o.Protection!.Entry.ClientOrderId} filled but is UNPROTECTED: {o.Protection.Message}")
            .Concat(failures.Select(f => $"{f.Order?.ClientOrderId ?? run.Plan.Legs[f.LegIndex].CancelsOrder} {f.Answer.Status}: {f.Answer.Reason}"))
            .ToList();
        var error = status switch
        {
            ExecutionStatus.Success => null,
            ExecutionStatus.NotFilled => "No order filled and none rests on the venue: " +
                                         string.Join("; ", orders.Select(o => $"{o.Order!.ClientOrderId} {o.Answer.Status}" + (o.Answer.Reason is { } r ? $": {r}" : ""))),
            ExecutionStatus.Blocked => "Execution blocked when the orders were leaving: " + string.Join("; ", problems),
            _ => string.Join("; ", problems),
        };
        return run.Result(status, guards, actions, error, run.Env.Time.GetUtcNow());
    }

    /// <summary>Equity after a LIVE execution, for drawdown; a venue that cannot say is skipped, never fatal now.</summary>
    private static void RecordEquity(ExecutionRun run, DateTimeOffset now)
    {
        if (run.Plan.Kind == PlanKind.Cancel) return;
        try
        {
            if (AccountValuation.Snapshot(run.Venue, run.ClientId) is { } account)
                run.Store.RecordEquity(run.ClientId, run.Venue.Name, account.Equity, now);
        }
        catch (VenueUnavailableException)
        {
            // The orders are recorded; the next validation takes a snapshot again.
        }
    }
}
