using System.Globalization;
using System.Text.Json.Serialization.Metadata;

namespace Robson.Cli.Rendering;

/// <summary>Writes results: exactly one JSON document on stdout with --json, else the human report.</summary>
public static class Output
{
    public const string Rule = "============================================================";

    /// <summary>Relaxed escaping keeps "+" in timestamps and non-ASCII text readable; output is UTF-8.</summary>
    public static readonly RobsonJsonContext Context = new(new System.Text.Json.JsonSerializerOptions(RobsonJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Json<T>(CliIO io, T value, Func<RobsonJsonContext, JsonTypeInfo<T>> type) =>
        io.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, type(Context)));

    /// <summary>For other source-generated contexts: same relaxed escaping, indented as <paramref name="type"/>'s options say.</summary>
    public static void Json<T>(CliIO io, T value, JsonTypeInfo<T> type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions
               {
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                   Indented = type.Options.WriteIndented,
               }))
            System.Text.Json.JsonSerializer.Serialize(writer, value, type);
        io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>For documents written field by field (a table of declarations, not a model): same escaping and indentation as <see cref="Context"/>.</summary>
    public static void Json(CliIO io, Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions
               {
                   Encoder = Context.Options.Encoder,
                   Indented = Context.Options.WriteIndented,
               }))
            write(writer);
        io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string HumanTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Dec(decimal? value) => value is { } v ? Core.Domain.Decimals.Canonical(v) : "-";

    public static string DetailsLine(IReadOnlyDictionary<string, string> details) =>
        string.Join(", ", details.Where(d => d.Value.Length > 0).Select(d => $"{d.Key}={d.Value}"));
}
