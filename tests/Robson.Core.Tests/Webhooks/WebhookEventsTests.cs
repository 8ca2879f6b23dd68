using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Webhooks;

namespace Robson.Core.Tests.Webhooks;

/// <summary>Which audit events notify which webhook event, and the event names a webhook accepts.</summary>
public sealed class WebhookEventsTests
{
    private static AuditEntry Event(string kind, string result = "OK", string? mode = null) =>
        new(ClientId.From(1), kind, result, "plan-1", null, mode is null ? Details.None : Details.Of(("mode", mode)),
            new AuditActor("tester", "host", "robson", "0"), DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(AuditKinds.OrderFilled, "FILLED", null, "fill")]
    [InlineData(AuditKinds.PlanExecuted, "BLOCKED", "LIVE", "blocked")]
    [InlineData(AuditKinds.TradingHalted, "HALTED", null, "halt")]
    [InlineData(AuditKinds.ProtectionFailed, "UNPROTECTED", null, "unprotected")]
    [InlineData(AuditKinds.OrderUnknown, "UNKNOWN", null, "unknown")]
    public void TypeOf_MapsEachSourceKind(string kind, string result, string? mode, string type) =>
        Assert.Equal(type, WebhookEvents.TypeOf(Event(kind, result, mode)));

    [Theory]
    [InlineData(AuditKinds.PlanExecuted, "BLOCKED", "DRY_RUN")]
    [InlineData(AuditKinds.PlanExecuted, "SUCCESS", "LIVE")]
    [InlineData(AuditKinds.PlanExecuted, "FAILED", "LIVE")]
    [InlineData(AuditKinds.TradingReduceOnly, "REDUCING", null)]
    [InlineData(AuditKinds.TradingResumed, "ACTIVE", null)]
    [InlineData(AuditKinds.OrderAcknowledged, "ACKNOWLEDGED", null)]
    [InlineData(AuditKinds.WebhookAdded, "OK", null)]
    public void TypeOf_OtherEvents_NotifyNobody(string kind, string result, string? mode) =>
        Assert.Null(WebhookEvents.TypeOf(Event(kind, result, mode)));

    [Fact]
    public void SourceKinds_AreExactlyTheKindsThatMap() =>
        Assert.Equal(WebhookEvents.SourceKinds.Order(),
            AuditKinds.All.Where(k => WebhookEvents.TypeOf(Event(k, "BLOCKED", "LIVE")) is not null).Order());

    [Fact]
    public void TryParse_KeepsTheCanonicalOrder_AndDropsRepeats()
    {
        Assert.Equal(["fill", "halt", "unknown"], WebhookEvents.TryParse("unknown, halt,fill,halt", out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("fill,trade", "unknown webhook event 'trade' (use fill, blocked, halt, unprotected, unknown)")]
    [InlineData(" , ", "--events needs at least one of fill, blocked, halt, unprotected, unknown")]
    [InlineData("HALT", "unknown webhook event 'HALT' (use fill, blocked, halt, unprotected, unknown)")]
    public void TryParse_Refuses_NamingTheFive(string text, string reason)
    {
        Assert.Null(WebhookEvents.TryParse(text, out var problem));
        Assert.Equal(reason, problem);
    }

    [Fact]
    public void DeliveryRetry_WaitsOneTwoFourEightSixteenSeconds_ThenGivesUp() =>
        Assert.Equal([1d, 2, 4, 8, 16, -1], Enumerable.Range(1, DeliveryRetry.MaxAttempts).Select(a => DeliveryRetry.DelayAfter(a)?.TotalSeconds ?? -1));
}
