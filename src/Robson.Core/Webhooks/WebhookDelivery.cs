using Robson.Core.Domain;

namespace Robson.Core.Webhooks;

/// <summary>One audit event to be delivered to one webhook, and how its delivery went so far.</summary>
/// <param name="EventId">The audit event's id ("evt-…"): the delivery's <c>id</c> and <c>Robson-Event-Id</c>.</param>
/// <param name="Attempts">Attempts started (a claim counts as one, so a crash mid-attempt still moves towards the limit).</param>
/// <param name="LastAttemptAt">When the last attempt ended (or was claimed); null before the first.</param>
public sealed record WebhookDelivery(
    string WebhookId, ClientId ClientId, string EventId, string Type, DeliveryState State, int Attempts,
    DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset CreatedAt);

/// <summary>A due delivery claimed by one delivering process until <paramref name="ClaimedUntil"/>, with what it needs to send it.</summary>
public sealed record ClaimedDelivery(WebhookDelivery Delivery, string Url, string Secret, string ClaimToken, DateTimeOffset ClaimedUntil);

/// <summary>A webhook as <c>webhook list</c> shows it: the newest delivery's state and time, and how many dead letters it has.</summary>
public sealed record WebhookSummary(Webhook Webhook, DeliveryState? LastDeliveryState, DateTimeOffset? LastDeliveryAt, int DeadLetters);

/// <summary>A webhook the dispatcher reads events for: its tenant, subscriptions and the last audit sequence number it has read.</summary>
public sealed record WebhookCursor(string WebhookId, ClientId ClientId, IReadOnlyList<string> Events, long Cursor);
