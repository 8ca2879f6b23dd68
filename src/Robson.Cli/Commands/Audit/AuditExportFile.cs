using System.Text;
using System.Text.Json;
using Robson.Cli.Rendering;
using Robson.Core.Audit;

namespace Robson.Cli.Commands.Audit;

/// <summary>The export formats; the file itself is written by <see cref="ExportFile"/> (all or nothing, owner-only).</summary>
internal static class AuditExportFile
{
    public static readonly string[] CsvColumns =
    [
        "sequence", "event_id", "client_id", "position", "kind", "result", "plan_id", "plan_hash", "occurred_at",
        "actor", "host", "command", "robson_version", "role", "details", "previous_hash", "hash",
    ];

    /// <summary>Fields an export line may leave out: exports written before roles have no "role" (read as none, a local command).</summary>
    public static readonly string[] OptionalFields = ["role"];

    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>One event per line: the object of <c>audit show --json</c>'s "event", on one line.</summary>
    public static void WriteJsonl(TextWriter writer, IEnumerable<AuditRecord> events)
    {
        foreach (var record in events)
            writer.Write(Line(AuditRenderer.ToJson(record), ReportingJsonContext.Default.AuditEventJson) + "\n");
    }

    /// <summary>One JSON document, <c>{"events": [...]}</c>, each event the object of a jsonl line (for <c>--json</c> without a file).</summary>
    public static void WriteDocument(TextWriter writer, IEnumerable<AuditRecord> events)
    {
        writer.Write("{\n  \"events\": [");
        var first = true;
        foreach (var record in events)
        {
            writer.Write((first ? "\n    " : ",\n    ") + Line(AuditRenderer.ToJson(record), ReportingJsonContext.Default.AuditEventJson));
            first = false;
        }
        writer.Write(first ? "]\n}\n" : "\n  ]\n}\n");
    }

    /// <summary>RFC 4180 with a header row; details is a JSON object in one cell.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<AuditRecord> events)
    {
        writer.Write(string.Join(',', CsvColumns) + "\r\n");
        foreach (var r in events)
        {
            var e = r.Entry;
            string?[] cells =
            [
                r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Id, e.ClientId?.ToString(),
                r.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Kind, e.Result, e.PlanId, e.PlanHash,
                AuditHasher.CanonicalTime(e.OccurredAt), e.Actor.User, e.Actor.Host, e.Actor.Command, e.Actor.RobsonVersion, e.Actor.Role,
                Line(new SortedDictionary<string, string>(e.Details.ToDictionary(), StringComparer.Ordinal), ReportingJsonContext.Default.SortedDictionaryStringString),
                r.PreviousHash, r.Hash,
            ];
            writer.Write(string.Join(',', cells.Select(ExportFile.Csv)) + "\r\n");
        }
    }

    private static string Line<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, LineOptions))
            JsonSerializer.Serialize(writer, value, type);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
