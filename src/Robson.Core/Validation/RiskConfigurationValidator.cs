using Robson.Core.Strategies;

namespace Robson.Core.Validation;

/// <summary>
/// The strategy's risk configuration is present and sane: max drawdown and stop loss required, in (0, 100],
/// warnings above 50 % and 10 %; max position recommended, in (0, 100], warning above 50 %.
/// A plan without a strategy fails here, so it can be dry-run but never validated for LIVE.
/// The rules read the settings alone; <see cref="NeverPassing"/> lets <c>strategy create|set</c> refuse, from these same
/// rules, a strategy whose every plan would fail here.
/// </summary>
public sealed class RiskConfigurationValidator : IPlanValidator
{
    public const decimal DrawdownWarningAbove = 50m;
    public const decimal StopLossWarningAbove = 10m;
    public const decimal PositionWarningAbove = 50m;

    /// <summary>In report order.</summary>
    public static readonly IReadOnlyList<RiskSettingRule> Rules =
    [
        new(StrategySettingDeclarations.MaxDrawdownPercent, Required: true, DrawdownWarningAbove,
            ValidationCodes.MaxDrawdownMissing, ValidationCodes.MaxDrawdownInvalid, ValidationCodes.MaxDrawdownHigh),
        new(StrategySettingDeclarations.StopLossPercent, Required: true, StopLossWarningAbove,
            ValidationCodes.StopLossMissing, ValidationCodes.StopLossInvalid, ValidationCodes.StopLossHigh),
        new(StrategySettingDeclarations.MaxPositionSizePercent, Required: false, PositionWarningAbove,
            ValidationCodes.MaxPositionMissing, ValidationCodes.MaxPositionInvalid, ValidationCodes.MaxPositionHigh),
    ];

    public string Name => "RiskConfiguration";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context) => context.Strategy is { } strategy
        ? Rules.Select(rule => rule.Judge(strategy.Settings)).OfType<ValidationIssue>()
        :
        [
            ValidationIssue.Failure(ValidationCodes.RiskConfigMissing,
                "Plan has no strategy, so there is no risk configuration: create one with `robson strategy create` and plan with --strategy-id"),
        ];

    /// <summary>
    /// The settings that make every plan of a strategy fail validation, each with the failure it raises (warnings are
    /// not here: they never stop a plan). Empty when the risk configuration can pass.
    /// </summary>
    public static IReadOnlyList<(StrategySetting Setting, ValidationIssue Failure)> NeverPassing(StrategySettings settings) =>
        [.. Rules.Select(rule => (Setting: (StrategySetting)rule.Setting, Issue: rule.Judge(settings)))
            .Where(r => r.Issue is { Severity: Domain.IssueSeverity.Failure })
            .Select(r => (r.Setting, r.Issue!))];
}
