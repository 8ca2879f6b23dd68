using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>One finding: a stable SCREAMING_SNAKE code, its severity, a message a trader can act on, and the numbers.</summary>
public sealed record ValidationIssue(string Code, IssueSeverity Severity, string Message, IReadOnlyDictionary<string, string> Details)
{
    public static ValidationIssue Failure(string code, string message, params (string, object?)[] details) =>
        new(code, IssueSeverity.Failure, message, Domain.Details.Of(details));

    public static ValidationIssue Warning(string code, string message, params (string, object?)[] details) =>
        new(code, IssueSeverity.Warning, message, Domain.Details.Of(details));
}
