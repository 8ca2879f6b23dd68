using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.Webhooks;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// Webhooks and deliveries: the secret is read back only by a claim; a cursor starts at the tenant's newest event and moves
/// once; a due delivery is claimed by one caller at a time (again after its claim lapses: at-least-once after a crash);
/// dead letters and removals stay within their tenant.
/// </summary>
public abstract class WebhookStoreContract(TestDatabase database) : StoreContract(database)
{
    private const string Secret = "whsec_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Webhook Hook(string id, ClientId? tenant = null, DateTimeOffset? at = null) =>
        new(id, tenant ?? Tenant, "https://hooks.example/" + id, [WebhookEvents.Fill, WebhookEvents.Halt], at ?? Noon, null);

    private AuditRecord Filled(ClientId tenant, DateTimeOffset at) => Store.Append(Audit(tenant, at, AuditKinds.OrderFilled));

    private static WebhookDelivery Pending(string webhookId, string eventId, ClientId? tenant = null, DateTimeOffset? due = null) =>
        new(webhookId, tenant ?? Tenant, eventId, WebhookEvents.Fill, DeliveryState.Pending, 0, due ?? Noon, null, null, Noon);

    /// <summary>Adds the webhook and one pending delivery per event id, through the cursor as the dispatcher would.</summary>
    private void AddWithDeliveries(Webhook hook, params string[] eventIds)
    {
        Store.AddWebhook(hook, Secret);
        var cursor = Store.WebhookCursors().Single(c => c.WebhookId == hook.Id).Cursor;
        Assert.True(Store.AdvanceWebhookCursor(hook.Id, cursor, cursor + 1, [.. eventIds.Select(e => Pending(hook.Id, e, hook.ClientId))]));
    }

    [Fact]
    public void AddWebhook_IsListedWithoutDeliveries_AndItsCursorStartsAtTheTenantsNewestEvent()
    {
        Filled(OtherTenant, Noon);
        var mine = Filled(Tenant, Noon);
        Filled(OtherTenant, Noon);

        Store.AddWebhook(Hook("wh-1"), Secret);

        var summary = Assert.Single(Store.WebhookSummaries(Tenant));
        Assert.Equal(new WebhookSummary(Hook("wh-1"), null, null, 0), summary);
        Assert.Equal(mine.Sequence, Assert.Single(Store.WebhookCursors()).Cursor);
        Assert.Empty(Store.WebhookSummaries(OtherTenant));
    }

    [Fact]
    public void AuditEventsAfter_ReadsTheTenantsEventsOfTheKinds_AfterTheSequence_OldestFirst()
    {
        var first = Filled(Tenant, Noon);
        Store.Append(Audit(Tenant, Noon, AuditKinds.PlanCreated));
        Filled(OtherTenant, Noon);
        var second = Filled(Tenant, Noon.AddSeconds(1));
        var third = Filled(Tenant, Noon.AddSeconds(2));

        var read = Store.AuditEventsAfter(Tenant, first.Sequence, [AuditKinds.OrderFilled, AuditKinds.TradingHalted], 1);
        Assert.Equal([second.Id], read.Select(e => e.Id));
        Assert.Equal([second.Id, third.Id], Store.AuditEventsAfter(Tenant, first.Sequence, [AuditKinds.OrderFilled], 10).Select(e => e.Id));
    }

    [Fact]
    public void AdvanceWebhookCursor_MovesOnceFromWhereItWas_ALoserWritesNothing()
    {
        Store.AddWebhook(Hook("wh-1"), Secret);
        var from = Store.WebhookCursors().Single().Cursor;

        Assert.True(Store.AdvanceWebhookCursor("wh-1", from, from + 5, [Pending("wh-1", "evt-a")]));
        Assert.False(OpenSecondStore().AdvanceWebhookCursor("wh-1", from, from + 7, [Pending("wh-1", "evt-b")]));

        Assert.Equal(from + 5, Store.WebhookCursors().Single().Cursor);
        var claimed = Store.ClaimDueDeliveries(Noon, Noon.AddMinutes(1), "me", 10);
        Assert.Equal(["evt-a"], claimed.Select(c => c.Delivery.EventId));
    }

    [Fact]
    public void AClaim_CarriesTheUrlAndSecret_CountsAnAttempt_AndHoldsUntilItLapses()
    {
        AddWithDeliveries(Hook("wh-1"), "evt-a");

        var claim = Assert.Single(Store.ClaimDueDeliveries(Noon, Noon.AddMinutes(1), "first", 10));
        Assert.Equal(("https://hooks.example/wh-1", Secret, 1), (claim.Url, claim.Secret, claim.Delivery.Attempts));
        Assert.Empty(OpenSecondStore().ClaimDueDeliveries(Noon.AddSeconds(59), Noon.AddMinutes(2), "second", 10));

        // The first claimer crashed: once its claim lapses another takes the delivery over (at-least-once).
        var again = Assert.Single(OpenSecondStore().ClaimDueDeliveries(Noon.AddMinutes(1), Noon.AddMinutes(2), "second", 10));
        Assert.Equal(2, again.Delivery.Attempts);
        Assert.False(Store.CompleteDeliveryAttempt(claim, DeliveryState.Delivered, Noon.AddMinutes(1), Noon, null));
        Assert.True(Store.CompleteDeliveryAttempt(again, DeliveryState.Delivered, Noon.AddMinutes(1), Noon, null));
    }

    [Fact]
    public void ADeliveryNotYetDue_IsNotClaimed_ARetryIsClaimedWhenDue()
    {
        AddWithDeliveries(Hook("wh-1"), "evt-a");
        var claim = Store.ClaimDueDeliveries(Noon, Noon.AddMinutes(1), "me", 10).Single();

        Assert.True(Store.CompleteDeliveryAttempt(claim, DeliveryState.Pending, Noon.AddSeconds(1), Noon.AddSeconds(3), "HTTP 500"));

        Assert.Empty(Store.ClaimDueDeliveries(Noon.AddSeconds(2), Noon.AddMinutes(1), "me", 10));
        Assert.Equal(2, Store.ClaimDueDeliveries(Noon.AddSeconds(3), Noon.AddMinutes(1), "me", 10).Single().Delivery.Attempts);
    }

    [Fact]
    public void ManyServersClaimingAtOnce_ClaimEachDueDeliveryOnce()
    {
        const int Servers = 6;
        var events = Enumerable.Range(0, 40).Select(i => $"evt-{i:D2}").ToArray();
        AddWithDeliveries(Hook("wh-1"), events);
        var stores = Enumerable.Range(0, Servers).Select(_ => OpenSecondStore()).ToList();

        var claimed = Race.Run(Servers, i => stores[i].ClaimDueDeliveries(Noon, Noon.AddMinutes(1), $"server-{i}", 10));

        var all = claimed.SelectMany(c => c).Select(c => c.Delivery.EventId).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(claimed.SelectMany(c => c), c => Assert.Equal(1, c.Delivery.Attempts));
    }

    [Fact]
    public void ADeadLetter_IsListedForItsTenantOnly_AndCountedInTheSummary()
    {
        AddWithDeliveries(Hook("wh-1"), "evt-a", "evt-b");
        var claims = Store.ClaimDueDeliveries(Noon, Noon.AddMinutes(1), "me", 10).OrderBy(c => c.Delivery.EventId).ToList();
        Store.CompleteDeliveryAttempt(claims[0], DeliveryState.Dead, Noon.AddSeconds(30), Noon.AddSeconds(30), "HTTP 500 Internal Server Error");
        Store.CompleteDeliveryAttempt(claims[1], DeliveryState.Delivered, Noon.AddSeconds(20), Noon.AddSeconds(20), null);

        var dead = Assert.Single(Store.DeadLetters(Tenant));
        Assert.Equal(("wh-1", "evt-a", 1, "HTTP 500 Internal Server Error", Noon.AddSeconds(30), DeliveryState.Dead),
            (dead.WebhookId, dead.EventId, dead.Attempts, dead.LastError, dead.LastAttemptAt, dead.State));
        Assert.Empty(Store.DeadLetters(OtherTenant));
        var summary = Store.WebhookSummaries(Tenant).Single();
        Assert.Equal((DeliveryState.Dead, Noon.AddSeconds(30), 1), (summary.LastDeliveryState, summary.LastDeliveryAt, summary.DeadLetters));
        Assert.Empty(Store.ClaimDueDeliveries(Noon.AddHours(1), Noon.AddHours(2), "me", 10));
    }

    [Fact]
    public void RemoveWebhook_OnceAndOnlyByItsTenant_StopsItsDeliveries()
    {
        AddWithDeliveries(Hook("wh-1"), "evt-a");

        Assert.False(Store.RemoveWebhook(OtherTenant, "wh-1", Noon));
        Assert.True(Store.RemoveWebhook(Tenant, "wh-1", Noon.AddMinutes(1)));
        Assert.False(Store.RemoveWebhook(Tenant, "wh-1", Noon.AddMinutes(2)));

        Assert.Empty(Store.WebhookSummaries(Tenant));
        Assert.Empty(Store.WebhookCursors());
        Assert.Empty(Store.ClaimDueDeliveries(Noon.AddHours(1), Noon.AddHours(2), "me", 10));
    }
}
