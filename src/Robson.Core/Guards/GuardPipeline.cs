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

    public static IReadOnlyList<GuardResult> EvaluateAll(GuardContext context, IReadOnlyList<IExecutionGuard>? guards = null) =>
        (guards ?? Default).Select(g => g.Evaluate(context)).ToList();
}
