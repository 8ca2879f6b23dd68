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

    /// <summary>
    /// True when guards were evaluated, none would block LIVE and nothing was left unchecked (for a DRY-RUN: LIVE would
    /// pass them now). A DRY-RUN that could not read the account (a real venue without credentials) is not LIVE-ready:
    /// LIVE reads the balances and decides.
    /// </summary>
    public bool LiveReady => Guards.Count > 0 && Guards.All(g => !g.BlocksLive) && !AccountUnchecked;

    /// <summary>True when a guard reports that the venue's balances were not read (funds, position size, drawdown unchecked).</summary>
    public bool AccountUnchecked => Guards.Any(g => g.Details.GetValueOrDefault(MarketConditionsGuard.AccountCheckedKey) == "false");

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
