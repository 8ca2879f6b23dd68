using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>A plan whose orders reached a venue is never sent again.</summary>
public sealed class SingleLiveExecutionGuard : IExecutionGuard
{
    public string Name => "SingleLiveExecution";

    public GuardResult Evaluate(GuardContext context) => (context.Mode, context.PlanAlreadySent) switch
    {
        (ExecutionMode.DryRun, false) => GuardResult.Pass(Name, "Plan has not been executed LIVE"),
        (ExecutionMode.DryRun, true) => GuardResult.Pass(Name, "Plan was already executed LIVE (DRY-RUN still allowed)"),
        (_, true) => GuardResult.Fail(Name, "Plan was already executed LIVE: its orders are never sent twice; create a new plan"),
        _ => GuardResult.Pass(Name, "Plan has not been executed LIVE"),
    };
}
