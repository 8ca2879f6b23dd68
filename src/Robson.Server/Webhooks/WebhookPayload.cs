using System.Text.Json;
using System.Text.Json.Serialization;
using Robson.Cli.Rendering;
using Robson.Core.Audit;

namespace Robson.Server.Webhooks;

/// <summary>
/// The body of a delivery: the audit event it stands for. "id" is the audit event's id (the same on every attempt and
/// every server: a receiver drops a repeat by it), "data" the event's details as the audit trail holds them.
/// </summary>
public sealed record WebhookEventJson(
    string Id, string Type, long ClientId, string OccurredAt, string? PlanId, string AuditKind, string Result, SortedDictionary<string, string> Data)
{
    public static string Body(AuditRecord record, string type) => JsonSerializer.Serialize(
        new WebhookEventJson(record.Id, type, record.Entry.ClientId?.Value ?? 0, Output.Time(record.Entry.OccurredAt), record.Entry.PlanId,
            record.Entry.Kind, record.Entry.Result, new SortedDictionary<string, string>(record.Entry.Details.ToDictionary(), StringComparer.Ordinal)),
        WebhookJsonContext.Default.WebhookEventJson);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookEventJson))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
