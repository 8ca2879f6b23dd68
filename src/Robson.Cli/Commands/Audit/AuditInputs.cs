using System.CommandLine;
using System.Globalization;
using Robson.Core.Audit;
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

    /// <summary>
    /// <c>--expect-head CLIENT:HASH</c>: a chain's head hash kept elsewhere (CLIENT is the tenant, or <c>-</c> for the
    /// chain without a tenant). With <paramref name="only"/>, every head must be that tenant's.
    /// </summary>
    public static IReadOnlyList<AuditHead> ExpectedHeads(ParseResult result, Option<string[]> option, ClientId? only)
    {
        var heads = new List<AuditHead>();
        foreach (var text in result.GetValue(option) ?? [])
        {
            var parts = text.Trim().Split(':');
            if (parts.Length != 2 || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigit))
                throw new UsageException($"{option.Name} must be CLIENT:HASH (a tenant id or '-' for the chain without one, and a 64-character hex hash), got '{text}'");
            ClientId? tenant = parts[0] == "-" ? null
                : long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? Core.Domain.ClientId.From(id)
                : throw new UsageException($"{option.Name} '{text}': '{parts[0]}' is not a tenant id (a positive integer, or '-' for the chain without a tenant)");
            if (only is not null && tenant != only)
                throw new UsageException($"{option.Name} '{text}' names another chain than --client-id {only}");
            heads.Add(new AuditHead(tenant, null, parts[1].ToLowerInvariant()));
        }
        return heads;
    }

    /// <summary>Event ids look like evt-3f9c2a7e01b4d658; anything else cannot name one.</summary>
    public static string EventId(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? text
            : throw new UsageException($"invalid event id '{text}'");
}
