using System.CommandLine;
using Robson.Core.Domain;

namespace Robson.Cli;

/// <summary>Reads and checks option values; any problem is a <see cref="UsageException"/> (exit 2, nothing written).</summary>
public static class Inputs
{
    public static T Require<T>(Parsed<T> parsed) => parsed.Success ? parsed.Value : throw new UsageException(parsed.Error);

    /// <summary>The tenant: --client-id, else ROBSON_CLIENT_ID (the option's default when the variable is set).</summary>
    public static ClientId ClientId(ParseResult result, Option<string> option)
    {
        var text = result.GetValue(option);
        if (string.IsNullOrWhiteSpace(text))
            throw new UsageException($"--client-id N is required (a positive integer), or set {CommonOptions.ClientIdVariable}", ErrorCodes.MissingArgument);
        var parsed = Core.Domain.ClientId.Parse(text);
        if (parsed.Success) return parsed.Value;
        throw new UsageException(TenantFromEnvironment(result, option) ? $"{CommonOptions.ClientIdVariable} must be a positive integer, got '{text}'" : parsed.Error);
    }

    /// <summary>Whether the command's tenant came from ROBSON_CLIENT_ID rather than a --client-id on the command line.</summary>
    public static bool TenantFromEnvironment(ParseResult result, Option<string> option) =>
        result.GetResult(option) is null or { Implicit: true } && result.GetValue(option) is not null;

    public static decimal? OptionalPositive(ParseResult result, Option<string> option) =>
        result.GetValue(option) is { } text ? Require(Decimals.ParsePositive(text, option.Name)) : null;

    public static int? OptionalPositiveInt(ParseResult result, Option<string> option)
    {
        if (result.GetValue(option) is not { } text) return null;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new UsageException($"{option.Name} must be a positive whole number, got '{text}'");
        return value;
    }

    public static long? OptionalId(ParseResult result, Option<string> option)
    {
        if (result.GetValue(option) is not { } text) return null;
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new UsageException($"{option.Name} must be a positive integer, got '{text}'");
        return value;
    }

    public static long Id(string? text, string what)
    {
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new UsageException($"{what} must be a positive integer, got '{text}'");
        return value;
    }

    /// <summary>Plan ids are short lower-case hex; anything else cannot name a plan.</summary>
    public static string PlanId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new UsageException($"invalid plan id '{text}'");
        return text;
    }

    public static DateOnly? OptionalDay(ParseResult result, Option<string> option)
    {
        if (result.GetValue(option) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
               && day.Year is >= 2000 and <= 2999
            ? day
            : throw new UsageException($"{option.Name} must be a date as YYYY-MM-DD between 2000 and 2999, got '{text}'");
    }
}
