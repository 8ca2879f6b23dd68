using System.Text;
using System.Text.Json;

namespace Robson.Server.Dashboard;

/// <summary>An array of flat JSON objects as RFC 4180 CSV: values exactly as the JSON writes them (numbers' digits untouched), null as empty.</summary>
public static class Csv
{
    public static string Of(JsonElement rows, IReadOnlyList<string> columns)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', columns.Select(Quote))).Append("\r\n");
        if (rows.ValueKind != JsonValueKind.Array) return csv.ToString();
        foreach (var row in rows.EnumerateArray())
            csv.Append(string.Join(',', columns.Select(c => Quote(Value(row, c))))).Append("\r\n");
        return csv.ToString();
    }

    private static string Value(JsonElement row, string column) =>
        row.TryGetProperty(column, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => v.GetRawText(),
        } : "";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
