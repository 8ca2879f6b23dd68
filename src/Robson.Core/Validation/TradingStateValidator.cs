using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>HALTED: every order fails validation. REDUCING: only sells of assets the tenant holds pass.</summary>
public sealed class TradingStateValidator : IPlanValidator
{
    public string Name => "TradingState";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        var status = context.TradingStatus;
        if (status.State == TradingState.Halted)
            yield return ValidationIssue.Failure(ValidationCodes.TradingHalted,
                $"Trading is HALTED for client {context.RequestingClient}: {status.Reason} (resume with `robson resume --client-id {context.RequestingClient} --acknowledge-risk`)",
                ("state", status.Wire), ("reason", status.Reason));
        else if (status.State == TradingState.Reducing && context.Account is null)
            yield return ValidationIssue.Warning(ValidationCodes.TradingReduceOnly,
                "Trading is REDUCING (reduce-only) and balances are not available here: LIVE will let the plan through only if it reduces positions",
                ("state", status.Wire), ("reason", status.Reason));
        else if (status.State == TradingState.Reducing && !PositionReduction.OnlyReduces(context.Plan, context.Rules, context.Account?.Balances))
            yield return ValidationIssue.Failure(ValidationCodes.TradingReduceOnly,
                "Trading is REDUCING (reduce-only): only sells of assets already held may go LIVE",
                ("state", status.Wire), ("reason", status.Reason));
    }
}
