using System.Text;
using Robson.Cli.Rendering;
using Robson.Core.UseCases;
using Robson.Core.Webhooks;

namespace Robson.Cli.Commands.Webhook;

/// <summary>Webhooks as text and JSON. Only <see cref="Added"/> and <see cref="AddedJson"/> ever write a secret.</summary>
internal static class WebhookRenderer
{
    public static string? StateName(DeliveryState? state) => state switch
    {
        DeliveryState.Pending => "PENDING",
        DeliveryState.Delivered => "DELIVERED",
        DeliveryState.Dead => "DEAD",
        _ => null,
    };

    public static WebhookAddedJson AddedJson(AddedWebhook added)
    {
        var w = added.Webhook;
        return new(added.Secret, w.Id, w.ClientId.Value, w.Url, [.. w.Events], Output.Time(w.CreatedAt));
    }

    public static string Added(AddedWebhook added)
    {
        var w = added.Webhook;
        var text = new StringBuilder();
        text.AppendLine($"Added webhook {w.Id} for client {w.ClientId}: {string.Join(",", w.Events)} to {w.Url}.");
        text.AppendLine("The signing secret is shown only once: store it now. `robson serve` signs every delivery with it");
        text.AppendLine("(header Robson-Signature: t=UNIX_SECONDS,v1=hex HMAC-SHA256 of \"t.body\"); verify it before trusting an event.");
        text.AppendLine(added.Secret);
        return text.ToString();
    }

    public static WebhookJson ToJson(WebhookSummary s) => new(s.Webhook.Id, s.Webhook.Url, [.. s.Webhook.Events], Output.Time(s.Webhook.CreatedAt),
        StateName(s.LastDeliveryState), s.LastDeliveryAt is { } at ? Output.Time(at) : null, s.DeadLetters);

    public static DeadLetterJson ToJson(WebhookDelivery d) =>
        new(d.WebhookId, d.EventId, d.Type, d.Attempts, d.LastError, d.LastAttemptAt is { } at ? Output.Time(at) : null);

    public static string List(IReadOnlyList<WebhookSummary> webhooks, string client)
    {
        if (webhooks.Count == 0)
            return $"No webhooks for client {client} (add one with `robson webhook add URL --client-id {client} --events {string.Join(",", WebhookEvents.All)}`).\n";
        var text = new StringBuilder();
        text.AppendLine($"{"ID",-12}  {"EVENTS",-36} {"ADDED",-23} {"LAST DELIVERY",-33} {"DEAD",4}  URL");
        foreach (var s in webhooks)
        {
            var last = s.LastDeliveryState is null ? "none yet" : $"{StateName(s.LastDeliveryState)} {Output.HumanTime(s.LastDeliveryAt!.Value)}";
            text.AppendLine($"{s.Webhook.Id,-12}  {string.Join(",", s.Webhook.Events),-36} {Output.HumanTime(s.Webhook.CreatedAt),-23} {last,-33} {s.DeadLetters,4}  {s.Webhook.Url}");
        }
        return text.ToString();
    }

    public static string DeadLetters(IReadOnlyList<WebhookDelivery> dead, string client)
    {
        if (dead.Count == 0) return $"No dead letters for client {client}.\n";
        var text = new StringBuilder();
        text.AppendLine($"{"WEBHOOK",-12}  {"EVENT",-20} {"TYPE",-11} {"ATTEMPTS",8}  {"FAILED AT",-23} LAST ERROR");
        foreach (var d in dead)
            text.AppendLine($"{d.WebhookId,-12}  {d.EventId,-20} {d.Type,-11} {d.Attempts,8}  {(d.LastAttemptAt is { } at ? Output.HumanTime(at) : ""),-23} {d.LastError}");
        return text.ToString();
    }
}
