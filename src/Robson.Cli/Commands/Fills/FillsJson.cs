using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Fills;

/// <summary>What `fills export --output FILE --json` wrote: the file, how many fills, the format and the days covered (null: unbounded).</summary>
public sealed record FillsExportJson(string Path, int Rows, string Format, string? From, string? To, string? Venue, long ClientId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(FillsExportJson))]
public sealed partial class FillsJsonContext : JsonSerializerContext;
