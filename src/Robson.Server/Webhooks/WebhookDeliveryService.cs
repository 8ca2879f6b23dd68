using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Robson.Core.Ports;
using Robson.Core.Webhooks;
using Robson.Server.Api;
using Robson.Storage.Sql;

namespace Robson.Server.Webhooks;

/// <summary>
/// Delivers webhooks in the background, never on a request's path: every poll interval it turns new audit events into
/// deliveries (<see cref="WebhookDispatcher"/>), claims the due ones in the database, POSTs them at once (each within the
/// request timeout) and records each outcome: delivered, a retry after <see cref="DeliveryRetry"/>'s wait, or a dead
/// letter. Each store step is a short transaction of its own, and no store work happens while a POST is waiting, so a
/// slow receiver holds no lock. A failure of the store or of a receiver is logged and the next pass goes on.
/// </summary>
public sealed class WebhookDeliveryService(StoreGate gate, WebhookDeliveryOptions options, TimeProvider time, ILogger<WebhookDeliveryService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var sender = new WebhookSender(options);
        SqlStore? store = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    store ??= gate.Open();
                    await Pass(store, sender, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    // The store went away or refused: start again from a fresh connection on the next pass.
                    log.LogWarning("webhook delivery pass failed: {Error}", e.Message.Split('\n')[0]);
                    store?.Dispose();
                    store = null;
                }
                try { await Task.Delay(options.PollInterval, time, stop); }
                catch (OperationCanceledException) { break; }
            }
        }
        finally
        {
            store?.Dispose();
        }
    }

    private async Task Pass(IRobsonStore store, WebhookSender sender, CancellationToken stop)
    {
        new WebhookDispatcher(store, time).DispatchOnce();
        var now = time.GetUtcNow();
        var claimToken = "srv-" + Convert.ToHexStringLower(Core.Hashing.SecureRandom.Bytes(8));
        var claims = store.ClaimDueDeliveries(now, now + options.ClaimLease, claimToken, options.BatchSize);
        if (claims.Count == 0) return;
        var sends = claims.Select(claim => Send(store, claim, sender, stop)).ToList();
        // Each delivery is completed on its own: one that fails to complete is claimed again after its lease, the others not.
        foreach (var (claim, error) in await Task.WhenAll(sends))
        {
            try
            {
                Complete(store, claim, error);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or Robson.Storage.Sql.StoreUnavailableException)
            {
                log.LogWarning("webhook {WebhookId}: the attempt for {EventId} could not be recorded ({Error}); it is claimed again after its lease",
                    claim.Delivery.WebhookId, claim.Delivery.EventId, e.Message.Split('\n')[0]);
            }
        }
    }

    private async Task<(ClaimedDelivery Claim, string? Error)> Send(IRobsonStore store, ClaimedDelivery claim, WebhookSender sender, CancellationToken stop)
    {
        try
        {
            var record = store.FindAuditEvent(claim.Delivery.EventId);
            if (record is null) return (claim, "the audit event is not in the store");
            var body = WebhookEventJson.Body(record, claim.Delivery.Type);
            var signature = WebhookSignature.Sign(claim.Secret, time.GetUtcNow(), body);
            return (claim, await sender.Send(claim.Url, record.Id, signature, body, stop));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (claim, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}"); // one delivery's failure, retried as any other
        }
    }

    private void Complete(IRobsonStore store, ClaimedDelivery claim, string? error)
    {
        var now = time.GetUtcNow();
        var d = claim.Delivery;
        if (error is null)
        {
            store.CompleteDeliveryAttempt(claim, DeliveryState.Delivered, now, now, null);
            log.LogInformation("webhook {WebhookId} delivered {EventId} ({Type}) on attempt {Attempt}", d.WebhookId, d.EventId, d.Type, d.Attempts);
        }
        else if (DeliveryRetry.DelayAfter(d.Attempts) is { } wait)
        {
            store.CompleteDeliveryAttempt(claim, DeliveryState.Pending, now, now + wait, error);
            log.LogWarning("webhook {WebhookId} attempt {Attempt} for {EventId} failed ({Error}); retry in {Wait} s", d.WebhookId, d.Attempts, d.EventId, error, wait.TotalSeconds);
        }
        else
        {
            store.CompleteDeliveryAttempt(claim, DeliveryState.Dead, now, now, error);
            log.LogWarning("webhook {WebhookId} gave up on {EventId} after {Attempt} attempts ({Error}): dead letter", d.WebhookId, d.EventId, d.Attempts, error);
        }
    }
}
