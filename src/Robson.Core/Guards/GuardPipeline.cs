using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>
/// The guards of DESIGN §3, in report order: who is asking (TenantContext), then what the strategy allows
/// (Policy), then the rest. All are pure and all are evaluated and reported (a blocked user sees every
/// reason); nothing is reserved or sent unless all pass.
/// </summary>
public static class GuardPipeline
{
    public static readonly IReadOnlyList<IExecutionGuard> Default =
    [
        new TenantContextGuard(),
        new PolicyGuard(),
        new ValidationRequiredGuard(),
        new AcknowledgementGuard(),
        new TradingStateGuard(),
        new ExecutionLimitsGuard(),
        new SingleLiveExecutionGuard(),
        new UnresolvedOrdersGuard(),
        new VenueClockGuard(),
        new MarketPriceGuard(),
        new MarketConditionsGuard(),
    ];

    /// <summary>
    /// Every guard's verdict in the context's mode, each marked <see cref="GuardResult.BlocksLive"/>. A DRY-RUN
    /// judges each guard a second time as LIVE on the same state, so it can say honestly what LIVE would meet; the
    /// acknowledgement is a flag, not state, so that second judgement assumes it given. A DRY-RUN pass whose
    /// message does not already say it would block LIVE gets LIVE's reason appended.
    /// </summary>
    public static IReadOnlyList<GuardResult> EvaluateAll(GuardContext context, IReadOnlyList<IExecutionGuard>? guards = null)
    {
        var asLive = context with { Mode = ExecutionMode.Live, RiskAcknowledged = true };
        return (guards ?? Default).Select(guard =>
        {
            var result = guard.Evaluate(context);
            if (context.Mode == ExecutionMode.Live)
                return result with { BlocksLive = !result.Passed };
            var live = guard.Evaluate(asLive);
            if (live.Passed)
                return result with { BlocksLive = false };
            return result.Passed && !result.Message.StartsWith(GuardResult.WouldBlockLive, StringComparison.Ordinal)
                ? result with { BlocksLive = true, Message = $"{result.Message} ({GuardResult.WouldBlockLive}{live.Message})" }
                : result with { BlocksLive = true };
        }).ToList();
    }
}
