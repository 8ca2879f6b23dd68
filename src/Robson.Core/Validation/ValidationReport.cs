using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>A stored validation, bound to the exact plan hash and strategy version it was made under.</summary>
public sealed record ValidationReport(
    string Id,
    string PlanId,
    string PlanHash,
    ClientId ClientId,
    long? StrategyId,
    int? StrategyVersion,
    ValidationStatus Status,
    IReadOnlyList<ValidationIssue> Issues,
    DateTimeOffset ValidatedAt)
{
    /// <summary>The market the validation saw: each symbol's mid ("BTCUSDT" → "56000"), to compare with the market at send time.</summary>
    public IReadOnlyDictionary<string, string> Market { get; init; } = Domain.Details.None;

    public int Failures => Issues.Count(i => i.Severity == IssueSeverity.Failure);
    public int Warnings => Issues.Count(i => i.Severity == IssueSeverity.Warning);

    public static ValidationStatus StatusOf(IReadOnlyList<ValidationIssue> issues) =>
        issues.Any(i => i.Severity == IssueSeverity.Failure) ? ValidationStatus.Fail
        : issues.Count > 0 ? ValidationStatus.Warning
        : ValidationStatus.Pass;
}
