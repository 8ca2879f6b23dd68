using System.Globalization;
using Robson.Server.Api;

namespace Robson.Server.Webhooks;

/// <summary>How the server delivers webhooks. Every property says its default.</summary>
public sealed record WebhookDeliveryOptions
{
    /// <summary>Environment variable: how often, in milliseconds, the server looks for new events and due retries (default 1000, 10 to 60000).</summary>
    public const string PollVariable = "ROBSON_WEBHOOK_POLL_MS";

    /// <summary>Time between passes over the store. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one POST may take before it counts as failed. Default 5 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim keeps other servers off a delivery. Default 1 min: far longer than an attempt, so only a server
    /// that crashed mid-attempt lets another send the event again (at-least-once).
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries claimed and sent at once per pass. Default 20.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>The defaults, with <see cref="PollVariable"/> when it is set to a whole number of milliseconds from 10 to 60000.</summary>
    public static WebhookDeliveryOptions From(ServerEnvironment environment) =>
        int.TryParse(environment.Get(PollVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 10 and <= 60_000
            ? new WebhookDeliveryOptions { PollInterval = TimeSpan.FromMilliseconds(ms) }
            : new WebhookDeliveryOptions();
}
