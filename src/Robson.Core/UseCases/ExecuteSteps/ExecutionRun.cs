using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>One execution as it passes through the steps: what is executed, where, and what the steps found so far.</summary>
internal sealed class ExecutionRun(RobsonEnvironment env, ExecutePlanRequest request, Plan plan, IVenue venue)
{
    public RobsonEnvironment Env => env;
    public IRobsonStore Store => env.Store;
    public ExecutePlanRequest Request => request;
    public Plan Plan => plan;
    public IVenue Venue => venue;
    public ClientId ClientId => request.ClientId;
    public bool Live => request.Mode == ExecutionMode.Live;
    public string ExecutionId { get; } = env.Ids.NewId();

    /// <summary>Read when the plan is loaded, and again under the reserving lock (a change made meanwhile applies).</summary>
    public Strategy? Strategy { get; set; }

    /// <summary>The venue's clock minus the local clock, measured once before anything else (zero on paper and for cancels).</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>Now on the venue's clock: the local clock plus the offset measured at the start, with no request.</summary>
    public DateTimeOffset VenueNow() => env.Time.GetUtcNow() + ClockOffset;

    /// <summary>True when this execution trades real money (every venue but paper).</summary>
    public bool RealVenue => VenueScope.IsReal(venue.Name);

    /// <summary>Things that happened besides the orders (reconcile, an automatic halt).</summary>
    public List<ExecutionNotice> Notices { get; } = [];

    /// <summary>The venue's "today" for an instant on the venue's clock.</summary>
    public static DateOnly DayOf(DateTimeOffset venueTime) => DateOnly.FromDateTime(venueTime.UtcDateTime);

    public ExecutionResult Result(ExecutionStatus status, IReadOnlyList<GuardResult> guards, IReadOnlyList<ExecutionAction> actions,
        string? error, DateTimeOffset at) =>
        new(ExecutionId, plan.Id, plan.Hash, request.ClientId, venue.Name, request.Mode, status, guards, actions, error, at) { Notices = [.. Notices] };

    /// <summary>Stores the execution and its PLAN_EXECUTED event; call inside an exclusive transaction.</summary>
    public void Record(ExecutionResult result)
    {
        Store.InsertExecution(result);
        Store.Append(Executed(result, env.Actor));
    }

    /// <summary>The PLAN_EXECUTED event of an execution, whatever its outcome.</summary>
    public static AuditEntry Executed(ExecutionResult result, AuditActor actor) =>
        new(result.ClientId, AuditKinds.PlanExecuted, result.Status.Wire(), result.PlanId, result.PlanHash,
            Details.Of(("execution_id", result.ExecutionId), ("mode", result.Mode.Wire()), ("venue", result.Venue),
                ("guards", string.Join(",", result.Guards.Select(g => (g.Passed ? "+" : "-") + g.Name))),
                ("actions", result.Actions.Count), ("error", result.Error)), actor, result.ExecutedAt);

    /// <summary>Records an execution on its own (a refusal before any order was reserved).</summary>
    public ExecutionResult RecordAlone(ExecutionResult result)
    {
        using var tx = Store.BeginExclusive(ClientId);
        Record(result);
        tx.Commit();
        return result;
    }
}
