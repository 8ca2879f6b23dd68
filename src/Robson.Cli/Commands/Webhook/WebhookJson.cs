using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Webhook;

// The --json contract of `robson webhook …` (snake_case). The signing secret appears in one document only, webhook add's
// "secret", once.

/// <summary>`webhook add --json`: "secret" signs every delivery; shown this once.</summary>
public sealed record WebhookAddedJson(string Secret, string Id, long ClientId, string Url, List<string> Events, string CreatedAt);

/// <summary>"last_delivery_state": PENDING, DELIVERED or DEAD (null before any event), at "last_delivery_at".</summary>
public sealed record WebhookJson(string Id, string Url, List<string> Events, string CreatedAt, string? LastDeliveryState, string? LastDeliveryAt, int DeadLetters);

public sealed record WebhookListJson(long ClientId, List<WebhookJson> Webhooks);

public sealed record WebhookRemovedJson(long ClientId, string Action, string Id, string Url);

/// <summary>A delivery that failed every attempt: "event_id" is the audit event's id, "type" the webhook event.</summary>
public sealed record DeadLetterJson(string WebhookId, string EventId, string Type, int Attempts, string? LastError, string? FailedAt);

public sealed record DeadLetterListJson(long ClientId, List<DeadLetterJson> DeadLetters);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(WebhookAddedJson))]
[JsonSerializable(typeof(WebhookListJson))]
[JsonSerializable(typeof(WebhookRemovedJson))]
[JsonSerializable(typeof(DeadLetterListJson))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;
