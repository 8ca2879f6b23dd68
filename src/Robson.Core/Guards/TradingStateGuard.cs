using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>The kill switch. HALTED refuses every LIVE order; REDUCING lets through only position-reducing orders.</summary>
public sealed class TradingStateGuard : IExecutionGuard
{
    public string Name => "TradingState";

    public GuardResult Evaluate(GuardContext context)
    {
        var status = context.TradingStatus;
        var details = new (string, object?)[] { ("state", status.Wire), ("reason", status.Reason) };
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, $"Trading is {status.Wire}: cancels are allowed in every state", details);
        var refusal = status.State switch
        {
            TradingState.Halted => $"Trading is HALTED: {status.Reason}",
            TradingState.Reducing when !context.PlanOnlyReduces => "Trading is REDUCING: only orders that reduce an existing position are allowed",
            _ => null,
        };
        if (refusal is null)
            return GuardResult.Pass(Name, status.State == TradingState.Reducing ? "REDUCING: plan only reduces positions" : "Trading is ACTIVE", details);
        return context.Mode == ExecutionMode.Live
            ? GuardResult.Fail(Name, refusal, details)
            : GuardResult.Pass(Name, GuardResult.WouldBlockLive + refusal, details);
    }
}
