using Robson.Cli.Rendering;
using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Reporting;

namespace Robson.Cli.Commands.Executions;

/// <summary>The filters of <c>executions list</c>, read forgivingly (any case) and refused in one line when they cannot match.</summary>
public static class ExecutionFilters
{
    private static readonly ExecutionStatus[] Statuses = Enum.GetValues<ExecutionStatus>();

    public static ExecutionMode? Mode(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        null => null,
        "live" => ExecutionMode.Live,
        "dry-run" or "dryrun" => ExecutionMode.DryRun,
        _ => throw new UsageException($"--mode must be live or dry-run, got '{text}'"),
    };

    public static ExecutionStatus? Status(string? text)
    {
        if (text is null) return null;
        var wire = text.Trim().Replace('-', '_');
        foreach (var status in Statuses)
            if (string.Equals(status.Wire(), wire, StringComparison.OrdinalIgnoreCase)) return status;
        throw new UsageException($"--status must be one of {string.Join(", ", Statuses.Select(s => s.Wire()))}, got '{text}'");
    }

    public static string? Venue(string? text) =>
        text is null ? null
        : text.Trim() is { Length: > 0 and <= 64 } name && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? string.Equals(name, VenueScope.PaperVenue, StringComparison.OrdinalIgnoreCase) ? VenueScope.PaperVenue : name // as plans name it
        : throw new UsageException($"invalid venue name '{text}'");

    /// <summary>A guard of the pipeline, named in any case; its name as the guards list writes it.</summary>
    public static string? Guard(string? text) =>
        text is null ? null
        : GuardPipeline.Default.Select(g => g.Name).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase))
          ?? throw new UsageException($"--blocked-by must name a guard: {string.Join(", ", GuardPipeline.Default.Select(g => g.Name))}; got '{text}'");

    public static ExecutionFiltersJson Json(ExecutionFilter f) => new(f.PlanId, f.Mode?.Wire(), f.Status?.Wire(), f.Venue, f.Symbol?.Value, f.BlockedBy,
        f.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
