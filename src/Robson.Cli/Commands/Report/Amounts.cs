using System.Globalization;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Report;

/// <summary>Amounts for people: exact (at most 8 decimals, no trailing zeros) with thousands separators.</summary>
internal static class Amounts
{
    public static string Format(decimal value)
    {
        var text = Decimals.Canonical(Math.Round(value, 8));
        var negative = text.StartsWith('-');
        if (negative) text = text[1..];
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var grouped = long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("#,0", CultureInfo.InvariantCulture)
            : whole;
        return (negative ? "-" : "") + grouped + (dot < 0 ? "" : text[dot..]);
    }

    public static string Format(decimal? value) => value is { } v ? Format(v) : "-";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
