using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Core.Reporting;

/// <summary>
/// One UTC day of LIVE activity on some venues: orders and notional counted against the limits, fills, fees (in the quote
/// asset), realised P&amp;L (each venue's on its own cost basis, then added).
/// </summary>
public sealed record DayActivity(DateOnly Day, int Orders, decimal Notional, int Fills, decimal Fees, decimal RealisedPnl)
{
    public decimal RealisedLoss => RealisedPnl < 0 ? -RealisedPnl : 0m;
}

/// <summary>One symbol's LIVE activity on one venue in the period. <see cref="Realised"/> is true once a sell realised P&amp;L.</summary>
public sealed record SymbolActivity(
    string Venue, Symbol Symbol, int Orders, decimal Notional, int Fills, decimal BoughtQuantity, decimal SoldQuantity, decimal Fees,
    decimal RealisedPnl, bool Realised);

/// <summary>
/// One daily limit (<c>orders</c>, <c>notional</c> or <c>loss</c>) against the busiest day of the period, as judged for
/// the venues of <see cref="Scope"/> (the paper venue alone, or every real venue together):
/// <see cref="Used"/> on <see cref="Day"/> out of <see cref="Max"/> (null when the strategy does not set it).
/// </summary>
public sealed record LimitUsage(string Limit, decimal Used, decimal? Max, DateOnly Day, VenueScope Scope)
{
    public const string OrdersLimit = "orders";
    public const string NotionalLimit = "notional";
    public const string LossLimit = "loss";

    /// <summary>Used / max (may exceed 1), or null when no limit is set.</summary>
    public decimal? Ratio => Max is > 0 ? Used / Max.Value : null;
}

/// <summary>A strategy's daily limits and how much of each the tenant used.</summary>
public sealed record StrategyLimits(Strategy Strategy, IReadOnlyList<LimitUsage> Limits);

/// <summary>
/// Every strategy's daily limits as judged for the venues of one <see cref="Scope"/>: the paper venue alone, or the
/// tenant's real venues (<see cref="Venues"/>) together.
/// </summary>
public sealed record ScopeLimits(VenueScope Scope, IReadOnlyList<string> Venues, IReadOnlyList<StrategyLimits> Strategies);

/// <summary>Validations stored in the period, by result.</summary>
public sealed record ValidationTally(int Passed, int Warned, int Failed)
{
    public int Total => Passed + Warned + Failed;
}

/// <summary>Executions of one mode in the period, by status.</summary>
public sealed record ExecutionTally(ExecutionMode Mode, int Succeeded, int Failed, int Blocked)
{
    public int Total => Succeeded + Failed + Blocked;
}

/// <summary>
/// Blocked executions in the period (both modes) and how often each guard was among the reasons.
/// One attempt may be blocked by several guards, so the counts by guard can add up to more than <see cref="Total"/>.
/// </summary>
public sealed record BlockedAttempts(int Total, int Live, int DryRun, IReadOnlyList<GuardBlockCount> ByGuard);

public sealed record GuardBlockCount(string Guard, int Count);
