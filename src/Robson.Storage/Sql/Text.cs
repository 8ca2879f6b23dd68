using System.Globalization;
using Robson.Core.Domain;

namespace Robson.Storage.Sql;

/// <summary>How values are written to TEXT columns: canonical decimals and sortable UTC timestamps.</summary>
internal static class Text
{
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        new(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Dec(decimal value) => Decimals.Canonical(value);

    public static object DecOrNull(decimal? value) => value is { } v ? Decimals.Canonical(v) : DBNull.Value;

    public static decimal ParseDec(string text) => Decimals.ParseStored(text);
}
