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
    public int Failures => Issues.Count(i => i.Severity == IssueSeverity.Failure);
    public int Warnings => Issues.Count(i => i.Severity == IssueSeverity.Warning);

    public static ValidationStatus StatusOf(IReadOnlyList<ValidationIssue> issues) =>
        issues.Any(i => i.Severity == IssueSeverity.Failure) ? ValidationStatus.Fail
        : issues.Count > 0 ? ValidationStatus.Warning
        : ValidationStatus.Pass;
}
