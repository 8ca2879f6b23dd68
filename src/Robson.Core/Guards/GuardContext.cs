using Robson.Core.Domain;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;

namespace Robson.Core.Guards;

/// <summary>Everything the guards judge, gathered (inside the reserving transaction for LIVE) before any runs.</summary>
public sealed record GuardContext(
    ClientId? ClientId,
    Plan Plan,
    Strategy? Strategy,
    ExecutionMode Mode,
    bool RiskAcknowledged,
    ValidationReport? LatestValidation,
    DateTimeOffset Now,
    DailyUsage Today,
    PlanExposure Exposure,
    bool PlanAlreadySent)
{
    /// <summary>The tenant's kill-switch state (default ACTIVE).</summary>
    public TradingStatus TradingStatus { get; init; } = TradingStatus.Active;

    /// <summary>True when every leg sells an asset the tenant holds (allowed while REDUCING).</summary>
    public bool PlanOnlyReduces { get; init; }

    /// <summary>
    /// Symbols on which the tenant has orders of unknown outcome after reconcile: UNKNOWN, or SENT/PENDING for longer
    /// than an order can be in flight (an order a concurrent execution is sending right now does not block).
    /// </summary>
    public IReadOnlySet<string> UnresolvedSymbols { get; init; } = new HashSet<string>();

    /// <summary>The venue's clock minus the local clock (zero on paper). Beyond <see cref="VenueClockGuard.MaxSkew"/> LIVE is refused.</summary>
    public TimeSpan ClockSkew { get; init; }

    /// <summary>Symbols of market legs whose book has no mid (one-sided or empty): such an order has no price to judge.</summary>
    public IReadOnlyList<string> SymbolsWithoutPrice { get; init; } = [];

    /// <summary>
    /// The market-dependent rules of the validation stage, run again on the market read for this execution: the
    /// failures, if any (a validation authorises a plan; it never freezes prices).
    /// </summary>
    public IReadOnlyList<ValidationIssue> MarketFailures { get; init; } = [];

    /// <summary>
    /// False when the venue gave no balances (a real venue in a DRY-RUN, which loads no credentials): funds, position
    /// size and drawdown were not checked, and only LIVE, which reads them, can say.
    /// </summary>
    public bool AccountChecked { get; init; } = true;

    /// <summary>Each symbol's mid now and at validation, reported with a market failure.</summary>
    public IReadOnlyDictionary<string, string> MarketComparison { get; init; } = Domain.Details.None;
}

/// <summary>The tenant's recorded LIVE activity for the day: orders sent, notional, realised P&amp;L (fees included).</summary>
public sealed record DailyUsage(int Orders, decimal Notional, decimal RealisedPnl)
{
    public static readonly DailyUsage None = new(0, 0m, 0m);

    /// <summary>Realised loss as a positive figure; 0 when the day is flat or up.</summary>
    public decimal RealisedLoss => RealisedPnl < 0 ? -RealisedPnl : 0m;
}

/// <summary>
/// What this plan would add: one order per leg and what each leg can add to the day's notional at most (its limit; a
/// market buy at its cap; a market sell at its expected fill).
/// </summary>
public sealed record PlanExposure(IReadOnlyList<decimal> LegNotionals)
{
    /// <summary>
    /// Each leg's expected notional (its limit, or its expected fill), as validation values an order for
    /// max_notional_per_order. <see cref="LegNotionals"/> is what each leg can add at most (a market buy at its cap),
    /// which the daily limits reserve. The same unless given.
    /// </summary>
    public IReadOnlyList<decimal> ExpectedNotionals { get; init; } = LegNotionals;

    public int Orders => LegNotionals.Count;
    public decimal Notional => LegNotionals.Sum();
}

public interface IExecutionGuard
{
    string Name { get; }
    GuardResult Evaluate(GuardContext context);
}
