namespace Robson.Core.Guards;

/// <summary>The guards of DESIGN §3, in report order. All are evaluated; none short-circuits.</summary>
public static class GuardPipeline
{
    public static readonly IReadOnlyList<IExecutionGuard> Default =
    [
        new TenantContextGuard(),
        new PolicyGuard(),
        new ValidationRequiredGuard(),
        new AcknowledgementGuard(),
        new ExecutionLimitsGuard(),
        new SingleLiveExecutionGuard(),
    ];

    public static IReadOnlyList<GuardResult> EvaluateAll(GuardContext context, IReadOnlyList<IExecutionGuard>? guards = null) =>
        (guards ?? Default).Select(g => g.Evaluate(context)).ToList();
}
