using System.CommandLine;
using System.Globalization;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Audit;

/// <summary>Option values only the audit commands take; any problem is a <see cref="UsageException"/>.</summary>
internal static class AuditInputs
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static ClientId? OptionalClientId(ParseResult result, Option<string> option) =>
        result.GetValue(option) is null ? null : Inputs.ClientId(result, option);

    /// <summary>An ISO-8601 date or date and time; without an offset it is UTC.</summary>
    public static DateTimeOffset? OptionalTime(ParseResult result, Option<string> option)
    {
        if (result.GetValue(option) is not { } text) return null;
        return DateTimeOffset.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new UsageException($"{option.Name} must be a UTC date or time such as 2026-11-25 or 2026-11-25T14:30:00Z, got '{text}'");
    }

    /// <summary>Event ids look like evt-00000042; anything else cannot name one.</summary>
    public static string EventId(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? text
            : throw new UsageException($"invalid event id '{text}'");
}
