using Robson.Core.Domain;
using Robson.Core.Guards;

namespace Robson.Core.Execution;

/// <summary>One attempt to execute a plan, stored whatever its outcome.</summary>
public sealed record ExecutionResult(
    string ExecutionId,
    string PlanId,
    string PlanHash,
    ClientId ClientId,
    string Venue,
    ExecutionMode Mode,
    ExecutionStatus Status,
    IReadOnlyList<GuardResult> Guards,
    IReadOnlyList<ExecutionAction> Actions,
    string? Error,
    DateTimeOffset ExecutedAt)
{
    /// <summary>Things that happened besides the orders, e.g. an automatic halt at the loss limit.</summary>
    public IReadOnlyList<ExecutionNotice> Notices { get; init; } = [];

    /// <summary>True when guards were evaluated and none would block LIVE (for a DRY-RUN: LIVE would pass them now).</summary>
    public bool LiveReady => Guards.Count > 0 && Guards.All(g => !g.BlocksLive);

    /// <summary>The guards that would block LIVE, in report order.</summary>
    public IReadOnlyList<string> BlockingLive => Guards.Where(g => g.BlocksLive).Select(g => g.Name).ToList();

    public int PassedGuards => Guards.Count(g => g.Passed);
    public int FailedGuards => Guards.Count(g => !g.Passed);
}

/// <summary>What was done: SIMULATED_ORDER in DRY-RUN, REAL_ORDER when an order was sent to a venue.</summary>
public sealed record ExecutionAction(string Type, string Description, IReadOnlyDictionary<string, string> Details, string Result)
{
    public const string Simulated = "SIMULATED_ORDER";
    public const string Real = "REAL_ORDER";
}
