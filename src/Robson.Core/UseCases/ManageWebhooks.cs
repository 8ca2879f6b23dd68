using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Webhooks;

namespace Robson.Core.UseCases;

/// <summary>A webhook just added, with its signing secret: the only moment the secret is shown.</summary>
public sealed record AddedWebhook(Webhook Webhook, string Secret);

/// <summary>
/// Adds, lists and removes the tenant's webhooks, and lists its dead letters. The signing secret is stored (the server
/// signs every delivery with it) but handed out only by <see cref="Add"/>: never listed, logged or audited. Adding and
/// removing are audited in the tenant's chain (WEBHOOK_ADDED, WEBHOOK_REMOVED).
/// </summary>
public sealed class ManageWebhooks(RobsonEnvironment env)
{
    /// <summary>Every secret starts with this, so it is recognisable in a leaked file or a secret scanner.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>Random bytes per secret (256 bits), written as 64 lower-case hex characters after the prefix.</summary>
    public const int SecretBytes = 32;

    public Outcome<AddedWebhook> Add(ClientId client, string url, IReadOnlyList<string> events, bool insecureHttp)
    {
        if (WebhookUrl.Problem(url, insecureHttp) is { } problem)
            return Outcome<AddedWebhook>.Refuse(problem);
        if (events.Count == 0 || events.Any(e => !WebhookEvents.All.Contains(e)))
            return Outcome<AddedWebhook>.Refuse($"webhook events must be some of {string.Join(", ", WebhookEvents.All)}");
        var now = env.Time.GetUtcNow();
        var webhook = new Webhook(env.Ids.NewId(), client, url, events, now, null);
        var secret = SecretPrefix + Convert.ToHexStringLower(Hashing.SecureRandom.Bytes(SecretBytes));
        using var tx = env.Store.BeginExclusive(client);
        env.Store.AddWebhook(webhook, secret);
        Audit(AuditKinds.WebhookAdded, webhook, now);
        tx.Commit();
        return new AddedWebhook(webhook, secret);
    }

    public IReadOnlyList<WebhookSummary> List(ClientId client) => env.Store.WebhookSummaries(client);

    /// <summary>Stops deliveries to the webhook and forgets its secret; another tenant's, an unknown or a removed one is not found.</summary>
    public Outcome<Webhook> Remove(ClientId client, string id)
    {
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(client);
        var webhook = env.Store.WebhookSummaries(client).Select(s => s.Webhook).FirstOrDefault(w => w.Id == id);
        if (webhook is null || !env.Store.RemoveWebhook(client, id, now))
            return Outcome<Webhook>.Refuse($"webhook '{id}' not found for client {client}");
        var removed = webhook with { RemovedAt = now };
        Audit(AuditKinds.WebhookRemoved, removed, now);
        tx.Commit();
        return removed;
    }

    public IReadOnlyList<WebhookDelivery> DeadLetters(ClientId client) => env.Store.DeadLetters(client);

    // The id, URL and events: enough to say where events went. Never the secret.
    private void Audit(string kind, Webhook webhook, DateTimeOffset now) =>
        env.Store.Append(new AuditEntry(webhook.ClientId, kind, "OK", null, null,
            Details.Of(("id", webhook.Id), ("url", webhook.Url), ("events", string.Join(",", webhook.Events))),
            env.Actor, now));
}
