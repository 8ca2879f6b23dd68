using Robson.Core.Ports;

namespace Robson.Core.Webhooks;

/// <summary>
/// Turns the audit trail into deliveries: for each webhook, the tenant's events after its cursor that map to an event it
/// subscribed to become PENDING deliveries, and the cursor moves past every event read, in one transaction. Within a
/// tenant, audit sequence numbers are given and committed under the tenant's lock, so no event can later appear behind a
/// cursor. Another process dispatching at the same time loses the cursor race and writes nothing.
/// </summary>
public sealed class WebhookDispatcher(IWebhookStore store, TimeProvider time)
{
    /// <summary>Events read per webhook per pass: a large backlog is worked through in steps of short transactions.</summary>
    public const int EventsPerPass = 200;

    /// <summary>One pass over every webhook; returns how many deliveries it added.</summary>
    public int DispatchOnce()
    {
        var added = 0;
        foreach (var webhook in store.WebhookCursors())
        {
            var events = store.AuditEventsAfter(webhook.ClientId, webhook.Cursor, WebhookEvents.SourceKinds, EventsPerPass);
            if (events.Count == 0) continue;
            var now = time.GetUtcNow();
            var deliveries = events
                .Select(e => (Event: e, Type: WebhookEvents.TypeOf(e.Entry)))
                .Where(e => e.Type is { } type && webhook.Events.Contains(type))
                .Select(e => new WebhookDelivery(webhook.WebhookId, webhook.ClientId, e.Event.Id, e.Type!, DeliveryState.Pending, 0, now, null, null, now))
                .ToList();
            if (store.AdvanceWebhookCursor(webhook.WebhookId, webhook.Cursor, events[^1].Sequence, deliveries))
                added += deliveries.Count;
        }
        return added;
    }
}
