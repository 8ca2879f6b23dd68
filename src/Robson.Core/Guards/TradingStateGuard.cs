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
        var (code, refusal) = status.State switch
        {
            TradingState.Halted => (GuardCodes.TradingHalted, $"Trading is HALTED: {status.Reason}"),
            TradingState.Reducing when !context.PlanOnlyReduces =>
                (GuardCodes.TradingReduceOnly, "Trading is REDUCING: only orders that reduce an existing position are allowed"),
            _ => (null, null),
        };
        if (code is null || refusal is null)
            return GuardResult.Pass(Name, status.State == TradingState.Reducing ? "REDUCING: plan only reduces positions" : "Trading is ACTIVE", details);
        return context.Mode == ExecutionMode.Live
            ? GuardResult.Fail(Name, code, refusal, details)
            : GuardResult.Pass(Name, GuardResult.WouldBlockLive + refusal, details);
    }
}
