using System.Globalization;
using System.Text.Json;
using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Audit;

/// <summary>
/// Reads a JSONL export back into audit records, strictly: every line is one object with exactly the exported
/// fields (no field missing, unknown or repeated), so what is verified is exactly what a reader of the file sees.
/// Blank lines are skipped.
/// </summary>
internal static class AuditExportReader
{
    public sealed record Export(IReadOnlyList<AuditRecord> Records, IReadOnlyDictionary<string, int> Lines);

    /// <summary>A line that is not an exported event: the file was damaged or edited by hand.</summary>
    public sealed class MalformedLineException(int line, string reason) : Exception($"line {line}: {reason}")
    {
        public int Line => line;
        public string Reason => reason;
    }

    private static readonly HashSet<string> Fields = [.. AuditExportFile.CsvColumns];

    public static Export Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--file '{path}' does not exist");
        try
        {
            var lines = File.ReadLines(path);
            var records = new List<AuditRecord>();
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var number = 0;
            foreach (var raw in lines)
            {
                number++;
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0) continue;
                if (records.Count == 0 && line.StartsWith("sequence,", StringComparison.Ordinal))
                    throw new UsageException($"--file '{path}' is a CSV export; verify the JSONL export (make one with `robson audit export --format jsonl`)");
                var record = Parse(line, number);
                records.Add(record);
                numbers.TryAdd(record.Id, number);
            }
            return new Export(records, numbers);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --file '{path}': {e.Message}");
        }
    }

    private static AuditRecord Parse(string line, int number)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException e) { throw new MalformedLineException(number, "not valid JSON: " + e.Message.Split('\n')[0]); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new MalformedLineException(number, "not a JSON object");
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name)) throw new MalformedLineException(number, $"unknown field '{property.Name}'");
                if (!fields.TryAdd(property.Name, property.Value)) throw new MalformedLineException(number, $"field '{property.Name}' appears twice");
            }
            foreach (var field in Fields.Except(AuditExportFile.OptionalFields))
                if (!fields.ContainsKey(field)) throw new MalformedLineException(number, $"field '{field}' is missing");

            string Text(string name) => fields[name].ValueKind == JsonValueKind.String
                ? fields[name].GetString()!
                : throw new MalformedLineException(number, $"'{name}' must be a string");
            string? OptionalText(string name) => !fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null : Text(name);
            long Integer(string name) => fields[name].ValueKind == JsonValueKind.Number && fields[name].TryGetInt64(out var value)
                ? value
                : throw new MalformedLineException(number, $"'{name}' must be an integer");

            ClientId? clientId = fields["client_id"].ValueKind == JsonValueKind.Null ? null
                : Integer("client_id") is > 0 and var id ? ClientId.From(id)
                : throw new MalformedLineException(number, "'client_id' must be a positive integer or null");
            var position = Integer("position");
            if (position < 1) throw new MalformedLineException(number, "'position' must be 1 or more");
            if (!DateTime.TryParseExact(Text("occurred_at"), AuditHasher.TimeFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var occurredAt))
                throw new MalformedLineException(number, $"'occurred_at' must be UTC as {AuditHasher.TimeFormat}");
            if (fields["details"].ValueKind != JsonValueKind.Object) throw new MalformedLineException(number, "'details' must be an object");
            var details = new Details();
            foreach (var detail in fields["details"].EnumerateObject())
            {
                if (detail.Value.ValueKind != JsonValueKind.String) throw new MalformedLineException(number, $"detail '{detail.Name}' must be a string");
                if (!details.TryAdd(detail.Name, detail.Value.GetString()!)) throw new MalformedLineException(number, $"detail '{detail.Name}' appears twice");
            }

            var entry = new AuditEntry(clientId, Text("kind"), Text("result"), OptionalText("plan_id"), OptionalText("plan_hash"), details,
                new AuditActor(Text("actor"), Text("host"), Text("command"), Text("robson_version"), OptionalText("role")), new DateTimeOffset(occurredAt, TimeSpan.Zero));
            return new AuditRecord(Integer("sequence"), Text("event_id"), position, entry, Text("previous_hash"), Text("hash"));
        }
    }
}
