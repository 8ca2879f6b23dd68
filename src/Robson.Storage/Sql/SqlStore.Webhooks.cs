using System.Data.Common;
using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Webhooks;

namespace Robson.Storage.Sql;

/// <summary>
/// Webhooks (with their signing secret, which only <see cref="ClaimDueDeliveries"/> reads back) and their deliveries.
/// Claims are one conditional UPDATE … RETURNING: on PostgreSQL a second claimer waiting on a row re-checks the claim
/// condition on the row as the first left it, so it skips the row instead of claiming it twice.
/// </summary>
public abstract partial class SqlStore
{
    private const string WebhookColumns = "w.id, w.client_id, w.url, w.events, w.created_at, w.removed_at";
    private const string DeliveryColumns = "webhook_id, client_id, event_id, type, state, attempts, next_attempt_at, last_error, last_attempt_at, created_at";

    public void AddWebhook(Webhook webhook, string secret)
    {
        using var tx = BeginExclusive(webhook.ClientId);
        // The cursor starts at the tenant's newest event, read under the tenant's lock: nothing can be appended in between.
        var cursor = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(seq), 0) FROM audit_events WHERE client_id = @c", ("@c", webhook.ClientId.Value)),
            System.Globalization.CultureInfo.InvariantCulture);
        Execute("INSERT INTO webhooks (id, client_id, url, events, secret, created_at, removed_at, cursor_seq) VALUES (@id, @c, @u, @e, @s, @t, NULL, @cur)",
            ("@id", webhook.Id), ("@c", webhook.ClientId.Value), ("@u", webhook.Url), ("@e", string.Join(",", webhook.Events)), ("@s", secret),
            ("@t", Text.Time(webhook.CreatedAt)), ("@cur", cursor));
        tx.Commit();
    }

    public IReadOnlyList<WebhookSummary> WebhookSummaries(ClientId client) =>
        Query($"""
            SELECT {WebhookColumns},
                (SELECT d.state FROM webhook_deliveries d WHERE d.webhook_id = w.id ORDER BY COALESCE(d.last_attempt_at, d.created_at) DESC, d.event_id DESC LIMIT 1),
                (SELECT MAX(COALESCE(d.last_attempt_at, d.created_at)) FROM webhook_deliveries d WHERE d.webhook_id = w.id),
                (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.state = 'DEAD')
            FROM webhooks w WHERE w.client_id = @c AND w.removed_at IS NULL ORDER BY w.created_at, w.id
            """,
            r => new WebhookSummary(ReadWebhook(r), r.IsDBNull(6) ? null : ParseState(r.GetString(6)),
                r.IsDBNull(7) ? null : Text.ParseTime(r.GetString(7)), (int)r.GetInt64(8)),
            ("@c", client.Value));

    public bool RemoveWebhook(ClientId client, string id, DateTimeOffset at) =>
        Execute("UPDATE webhooks SET removed_at = @t, secret = NULL WHERE client_id = @c AND id = @id AND removed_at IS NULL",
            ("@t", Text.Time(at)), ("@c", client.Value), ("@id", id)) == 1;

    public IReadOnlyList<WebhookDelivery> DeadLetters(ClientId client) =>
        Query($"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE client_id = @c AND state = 'DEAD' ORDER BY last_attempt_at DESC, event_id",
            r => ReadDelivery(r, 0), ("@c", client.Value));

    public IReadOnlyList<WebhookCursor> WebhookCursors() =>
        Query("SELECT id, client_id, events, cursor_seq FROM webhooks WHERE removed_at IS NULL ORDER BY created_at, id",
            r => new WebhookCursor(r.GetString(0), ClientId.From(r.GetInt64(1)), Events(r.GetString(2)), r.GetInt64(3)));

    public IReadOnlyList<AuditRecord> AuditEventsAfter(ClientId client, long afterSeq, IReadOnlyList<string> kinds, int limit) =>
        Query($"SELECT {AuditColumns} FROM audit_events WHERE client_id = @c AND seq > @s AND kind IN ({string.Join(", ", kinds.Select((_, i) => $"@k{i}"))}) " +
              "ORDER BY seq LIMIT @n", ReadAudit,
            [("@c", client.Value), ("@s", afterSeq), ("@n", limit), .. kinds.Select((k, i) => ($"@k{i}", (object?)k))]);

    public bool AdvanceWebhookCursor(string webhookId, long from, long to, IReadOnlyList<WebhookDelivery> deliveries)
    {
        var tenant = Query("SELECT client_id FROM webhooks WHERE id = @id", r => ClientId.From(r.GetInt64(0)), ("@id", webhookId)).FirstOrDefault();
        if (tenant == default) return false;
        using var tx = BeginExclusive(tenant);
        if (Execute("UPDATE webhooks SET cursor_seq = @to WHERE id = @id AND cursor_seq = @from", ("@to", to), ("@id", webhookId), ("@from", from)) != 1)
            return false;
        foreach (var d in deliveries)
            Execute($"INSERT INTO webhook_deliveries ({DeliveryColumns}, claimed_by, claimed_until) " +
                    "VALUES (@w, @c, @e, @type, @state, @n, @next, @err, @last, @t, NULL, NULL) ON CONFLICT (webhook_id, event_id) DO NOTHING",
                ("@w", webhookId), ("@c", d.ClientId.Value), ("@e", d.EventId), ("@type", d.Type), ("@state", StateName(d.State)), ("@n", d.Attempts),
                ("@next", Text.Time(d.NextAttemptAt)), ("@err", d.LastError), ("@last", d.LastAttemptAt is { } l ? Text.Time(l) : null),
                ("@t", Text.Time(d.CreatedAt)));
        tx.Commit();
        return true;
    }

    public IReadOnlyList<ClaimedDelivery> ClaimDueDeliveries(DateTimeOffset now, DateTimeOffset claimedUntil, string claimToken, int limit)
    {
        // The outer conditions repeat the inner ones on purpose: they are what a waiting claimer re-checks (see the class).
        var claimed = Query($"""
            UPDATE webhook_deliveries SET claimed_by = @token, claimed_until = @until, attempts = attempts + 1
            WHERE (webhook_id, event_id) IN (
                SELECT d.webhook_id, d.event_id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= @now AND (d.claimed_until IS NULL OR d.claimed_until <= @now)
                    AND w.removed_at IS NULL
                ORDER BY d.next_attempt_at, d.event_id LIMIT @n)
              AND state = 'PENDING' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
            RETURNING {DeliveryColumns}
            """, r => ReadDelivery(r, 0),
            ("@token", claimToken), ("@until", Text.Time(claimedUntil)), ("@now", Text.Time(now)), ("@n", limit));
        if (claimed.Count == 0) return [];
        var ids = claimed.Select(d => d.WebhookId).Distinct().ToList();
        var targets = Query($"SELECT id, url, secret FROM webhooks WHERE secret IS NOT NULL AND id IN ({string.Join(", ", ids.Select((_, i) => $"@w{i}"))})",
            r => (Id: r.GetString(0), Url: r.GetString(1), Secret: r.GetString(2)), [.. ids.Select((id, i) => ($"@w{i}", (object?)id))])
            .ToDictionary(t => t.Id);
        // A webhook removed between the claim and this read is skipped: its claim lapses and it is never claimed again.
        return claimed.Where(d => targets.ContainsKey(d.WebhookId))
            .Select(d => new ClaimedDelivery(d, targets[d.WebhookId].Url, targets[d.WebhookId].Secret, claimToken, claimedUntil)).ToList();
    }

    public bool CompleteDeliveryAttempt(ClaimedDelivery claim, DeliveryState state, DateTimeOffset at, DateTimeOffset nextAttemptAt, string? error) =>
        Execute("UPDATE webhook_deliveries SET state = @state, next_attempt_at = @next, last_error = @err, last_attempt_at = @at, claimed_by = NULL, claimed_until = NULL " +
                "WHERE webhook_id = @w AND event_id = @e AND claimed_by = @token AND state = 'PENDING'",
            ("@state", StateName(state)), ("@next", Text.Time(nextAttemptAt)), ("@err", error), ("@at", Text.Time(at)),
            ("@w", claim.Delivery.WebhookId), ("@e", claim.Delivery.EventId), ("@token", claim.ClaimToken)) == 1;

    private static Webhook ReadWebhook(DbDataReader r) => new(r.GetString(0), ClientId.From(r.GetInt64(1)), r.GetString(2), Events(r.GetString(3)),
        Text.ParseTime(r.GetString(4)), r.IsDBNull(5) ? null : Text.ParseTime(r.GetString(5)));

    private static WebhookDelivery ReadDelivery(DbDataReader r, int o) => new(
        r.GetString(o), ClientId.From(r.GetInt64(o + 1)), r.GetString(o + 2), r.GetString(o + 3), ParseState(r.GetString(o + 4)),
        Convert.ToInt32(r.GetValue(o + 5), System.Globalization.CultureInfo.InvariantCulture), Text.ParseTime(r.GetString(o + 6)), r.NullableString(o + 7),
        r.IsDBNull(o + 8) ? null : Text.ParseTime(r.GetString(o + 8)), Text.ParseTime(r.GetString(o + 9)));

    private static IReadOnlyList<string> Events(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string StateName(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "PENDING",
        DeliveryState.Delivered => "DELIVERED",
        DeliveryState.Dead => "DEAD",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a delivery state"),
    };

    private static DeliveryState ParseState(string stored) => stored switch
    {
        "PENDING" => DeliveryState.Pending,
        "DELIVERED" => DeliveryState.Delivered,
        "DEAD" => DeliveryState.Dead,
        _ => throw new InvalidDataException($"unknown webhook delivery state '{stored}'"),
    };
}
