using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Validation;

namespace Robson.Cli.Commands.Validate;

/// <summary>The validation report: failures first, then warnings, then the verdict.</summary>
public static class ValidationRenderer
{
    public static void Write(CliIO io, ValidationReport report, bool json)
    {
        if (json) Output.Json(io, ToJson(report), c => c.ValidationJson);
        else io.Out.Write(Human(report, new Style(io.UseColour)));
    }

    public static ValidationJson ToJson(ValidationReport r) => new(
        r.Id, r.Status.Wire(),
        r.Issues.Select(i => new IssueJson(i.Code, i.Severity.Wire(), i.Message, i.Details)).ToList(),
        new ValidationMetadataJson(r.PlanId, r.PlanHash, r.ClientId.Value, r.StrategyId, r.StrategyVersion, r.Id, Output.Time(r.ValidatedAt)),
        new ValidationSummaryJson(r.Issues.Count, r.Failures, r.Warnings));

    public static string Human(ValidationReport r, Style style)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Output.Rule).AppendLine("VALIDATION REPORT").AppendLine(Output.Rule).AppendLine();
        text.AppendLine("STATUS: " + r.Status switch
        {
            ValidationStatus.Pass => style.Ok("✓ PASS"),
            ValidationStatus.Warning => style.Warn("⚠ WARNING"),
            _ => style.Bad("✗ FAIL"),
        });
        text.AppendLine();
        text.AppendLine("Context:");
        text.AppendLine($"  plan_id: {r.PlanId}").AppendLine($"  client_id: {r.ClientId}").AppendLine($"  plan_hash: {r.PlanHash}");
        text.AppendLine($"  strategy: {(r.StrategyId is { } s ? $"{s} (version {r.StrategyVersion})" : "none")}");
        text.AppendLine($"  validation_id: {r.Id}");
        text.AppendLine();
        Section(text, "FAILURES", r.Issues.Where(i => i.Severity == IssueSeverity.Failure).ToList(), style.Bad("✗"));
        Section(text, "WARNINGS", r.Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList(), style.Warn("⚠"));
        if (r.Issues.Count == 0) text.AppendLine("No issues found.").AppendLine();

        text.AppendLine("Summary:");
        text.AppendLine($"  Validated at: {Output.HumanTime(r.ValidatedAt)}");
        text.AppendLine($"  Issues: {r.Issues.Count} ({r.Failures} failures, {r.Warnings} warnings)");
        text.AppendLine();
        text.AppendLine(r.Status == ValidationStatus.Fail
            ? style.Bad("EXECUTION BLOCKED: fix the failures above, then plan and validate again")
            : style.Ok($"SAFE TO EXECUTE: robson execute {r.PlanId} --client-id {r.ClientId} (add --live --acknowledge-risk for LIVE)"));
        text.AppendLine(Output.Rule);
        return text.ToString();
    }

    private static void Section(System.Text.StringBuilder text, string title, IReadOnlyList<ValidationIssue> issues, string mark)
    {
        if (issues.Count == 0) return;
        text.AppendLine($"{title} ({issues.Count}):");
        foreach (var issue in issues)
        {
            text.AppendLine($"  {mark} [{issue.Code}] {issue.Message}");
            var details = Output.DetailsLine(issue.Details);
            if (details.Length > 0) text.AppendLine($"      {details}");
        }
        text.AppendLine();
    }
}
