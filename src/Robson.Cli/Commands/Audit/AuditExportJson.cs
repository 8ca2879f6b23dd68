using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Audit;

/// <summary>`audit export --output FILE --json`: what was written where ("client_id" null with "all_tenants").</summary>
public sealed record AuditExportJson(string Path, string Format, int Events, long? ClientId, bool AllTenants);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(AuditExportJson))]
public sealed partial class AuditExportJsonContext : JsonSerializerContext;
