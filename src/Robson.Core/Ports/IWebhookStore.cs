using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Webhooks;

namespace Robson.Core.Ports;

/// <summary>
/// Webhooks and their deliveries. Each webhook has a durable cursor (the last audit sequence number it has read); the
/// dispatcher turns the tenant's audit events after it into delivery rows, and the delivering processes claim due rows
/// in the database, so several <c>robson serve</c> on one store never send one event twice while they run normally.
/// </summary>
public interface IWebhookStore
{
    /// <summary>
    /// Stores a new webhook with its signing secret. Its cursor starts at the tenant's newest audit event: a webhook is told
    /// what happens from now on, not the history. Call inside the tenant's exclusive transaction.
    /// </summary>
    void AddWebhook(Webhook webhook, string secret);

    /// <summary>The tenant's webhooks not removed, oldest first, with their latest delivery and dead-letter count.</summary>
    IReadOnlyList<WebhookSummary> WebhookSummaries(ClientId client);

    /// <summary>Marks the tenant's webhook removed and forgets its secret; false when it has no such webhook or it was removed already.</summary>
    bool RemoveWebhook(ClientId client, string id, DateTimeOffset at);

    /// <summary>The tenant's dead letters (deliveries that failed every attempt), newest first, removed webhooks' included.</summary>
    IReadOnlyList<WebhookDelivery> DeadLetters(ClientId client);

    /// <summary>Every tenant's webhooks not removed, with their cursors: the session must be bound to every tenant.</summary>
    IReadOnlyList<WebhookCursor> WebhookCursors();

    /// <summary>The tenant's audit events with a sequence number above <paramref name="afterSeq"/> of one of <paramref name="kinds"/>, oldest first.</summary>
    IReadOnlyList<AuditRecord> AuditEventsAfter(ClientId client, long afterSeq, IReadOnlyList<string> kinds, int limit);

    /// <summary>
    /// Moves a webhook's cursor from <paramref name="from"/> to <paramref name="to"/> and adds its deliveries, in one
    /// transaction, only if the cursor is still at <paramref name="from"/> (another process may have moved it): false then,
    /// and nothing is written. A delivery already stored for the same (webhook, event) is left as it is.
    /// </summary>
    bool AdvanceWebhookCursor(string webhookId, long from, long to, IReadOnlyList<WebhookDelivery> deliveries);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending deliveries due at <paramref name="now"/> of webhooks not removed, and
    /// not claimed by anyone until after now, for this caller until <paramref name="claimedUntil"/>: counts an attempt on
    /// each. Two callers never get one delivery while its claim lasts.
    /// </summary>
    IReadOnlyList<ClaimedDelivery> ClaimDueDeliveries(DateTimeOffset now, DateTimeOffset claimedUntil, string claimToken, int limit);

    /// <summary>
    /// Records how a claimed attempt ended (<paramref name="state"/>: Delivered, Pending again at <paramref name="nextAttemptAt"/>,
    /// or Dead) and releases the claim; false, and nothing written, when the claim was no longer this caller's.
    /// </summary>
    bool CompleteDeliveryAttempt(ClaimedDelivery claim, DeliveryState state, DateTimeOffset at, DateTimeOffset nextAttemptAt, string? error);
}
