namespace Robson.Core.Validation;

/// <summary>
/// The strategy's risk configuration is present and sane: max drawdown and stop loss required, in (0, 100],
/// warnings above 50 % and 10 %; max position recommended, in (0, 100], warning above 50 %.
/// A plan without a strategy fails here, so it can be dry-run but never validated for LIVE.
/// </summary>
public sealed class RiskConfigurationValidator : IPlanValidator
{
    public const decimal DrawdownWarningAbove = 50m;
    public const decimal StopLossWarningAbove = 10m;
    public const decimal PositionWarningAbove = 50m;

    public string Name => "RiskConfiguration";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        if (context.Strategy is not { } strategy)
        {
            yield return ValidationIssue.Failure(ValidationCodes.RiskConfigMissing,
                "Plan has no strategy, so there is no risk configuration: create one with `robson strategy create` and plan with --strategy-id");
            yield break;
        }

        var s = strategy.Settings;
        if (s.MaxDrawdownPercent is not { } drawdown)
            yield return ValidationIssue.Failure(ValidationCodes.MaxDrawdownMissing, "max_drawdown_percent is not set (strategy set --max-drawdown-percent P)");
        else if (drawdown is <= 0 or > 100)
            yield return ValidationIssue.Failure(ValidationCodes.MaxDrawdownInvalid, "max_drawdown_percent must be between 0 and 100", ("value", drawdown));
        else if (drawdown > DrawdownWarningAbove)
            yield return ValidationIssue.Warning(ValidationCodes.MaxDrawdownHigh, $"max_drawdown_percent {drawdown} % is above {DrawdownWarningAbove} %",
                ("value", drawdown), ("threshold", DrawdownWarningAbove));

        if (s.StopLossPercent is not { } stopLoss)
            yield return ValidationIssue.Failure(ValidationCodes.StopLossMissing, "stop_loss_percent is not set (strategy set --stop-loss-percent P)");
        else if (stopLoss is <= 0 or > 100)
            yield return ValidationIssue.Failure(ValidationCodes.StopLossInvalid, "stop_loss_percent must be between 0 and 100", ("value", stopLoss));
        else if (stopLoss > StopLossWarningAbove)
            yield return ValidationIssue.Warning(ValidationCodes.StopLossHigh, $"stop_loss_percent {stopLoss} % is above {StopLossWarningAbove} %",
                ("value", stopLoss), ("threshold", StopLossWarningAbove));

        if (s.MaxPositionSizePercent is not { } position)
            yield return ValidationIssue.Warning(ValidationCodes.MaxPositionMissing, "max_position_size_percent is not set (recommended)");
        else if (position is <= 0 or > 100)
            yield return ValidationIssue.Failure(ValidationCodes.MaxPositionInvalid, "max_position_size_percent must be between 0 and 100", ("value", position));
        else if (position > PositionWarningAbove)
            yield return ValidationIssue.Warning(ValidationCodes.MaxPositionHigh, $"max_position_size_percent {position} % is above {PositionWarningAbove} %",
                ("value", position), ("threshold", PositionWarningAbove));
    }
}
