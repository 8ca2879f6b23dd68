using Robson.Core.Strategies;

namespace Robson.Core.Validation;

/// <summary>
/// The rule for one percent setting of a strategy's risk configuration: unset is <see cref="MissingCode"/> (a failure
/// when <see cref="Required"/>, else a warning), outside (0, 100] is <see cref="InvalidCode"/> (always a failure), above
/// <see cref="WarningAbove"/> is <see cref="HighCode"/> (a warning). Judged on the settings alone, so the same rule serves
/// validation and <c>strategy create|set</c>, which refuses what validation would always fail.
/// </summary>
public sealed record RiskSettingRule(
    StrategySetting<decimal?> Setting, bool Required, decimal WarningAbove, string MissingCode, string InvalidCode, string HighCode)
{
    /// <summary>The issue this setting's value raises, or null when it is sane.</summary>
    public ValidationIssue? Judge(StrategySettings settings)
    {
        var name = Setting.Name;
        return Setting.Get(settings) switch
        {
            null when Required => ValidationIssue.Failure(MissingCode, $"{name} is not set (strategy set {Setting.Option} P)"),
            null => ValidationIssue.Warning(MissingCode, $"{name} is not set (recommended)"),
            { } value when value is <= 0 or > 100 => ValidationIssue.Failure(InvalidCode, $"{name} must be between 0 and 100", ("value", value)),
            { } value when value > WarningAbove => ValidationIssue.Warning(HighCode, $"{name} {value} % is above {WarningAbove} %",
                ("value", value), ("threshold", WarningAbove)),
            _ => null,
        };
    }
}
