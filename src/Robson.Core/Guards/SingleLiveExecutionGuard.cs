using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>A plan whose orders reached a venue is never sent again. A cancel sends no order, so it always passes.</summary>
public sealed class SingleLiveExecutionGuard : IExecutionGuard
{
    public string Name => "SingleLiveExecution";

    public GuardResult Evaluate(GuardContext context) => (context.Mode, context.PlanAlreadySent) switch
    {
        _ when context.Plan.Kind == PlanKind.Cancel =>
            GuardResult.Pass(Name, "A cancel sends no new order: sending it again can only cancel what is still open"),
        (ExecutionMode.DryRun, false) => GuardResult.Pass(Name, "Plan has not been executed LIVE"),
        (ExecutionMode.DryRun, true) => GuardResult.Pass(Name, GuardResult.WouldBlockLive + "plan was already executed LIVE: its orders are never sent twice (DRY-RUN still allowed)"),
        (_, true) => GuardResult.Fail(Name, GuardCodes.PlanAlreadySent, "Plan was already executed LIVE: its orders are never sent twice; create a new plan"),
        _ => GuardResult.Pass(Name, "Plan has not been executed LIVE"),
    };
}
