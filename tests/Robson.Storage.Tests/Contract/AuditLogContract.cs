using Robson.Core.Audit;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// The audit trail: one hash chain per tenant (and one for events without a tenant), positions 1, 2, 3... with no gap, and
/// events that read back exactly as they were hashed, so <c>audit verify</c> passes on an untouched store.
/// </summary>
public abstract class AuditLogContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void Append_ChainsEachTenantsEventsFromPositionOne()
    {
        var first = Store.Append(Audit(Tenant, Noon));
        var other = Store.Append(Audit(OtherTenant, Noon));
        var second = Store.Append(Audit(Tenant, Noon.AddSeconds(1)));
        var tenantless = Store.Append(Audit(null, Noon, kind: "venue", planId: null));

        Assert.Equal((1, 2, 1, 1), (first.Position, second.Position, other.Position, tenantless.Position));
        Assert.Equal(AuditHasher.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditHasher.Genesis, other.PreviousHash);
        Assert.Equal(4, new[] { first.Id, second.Id, other.Id, tenantless.Id }.Distinct().Count());
    }

    [Fact]
    public void ReadAuditEvents_OfAnUntouchedStore_Verify()
    {
        Store.Append(Audit(Tenant, Noon));
        Store.Append(Audit(OtherTenant, Noon.AddTicks(1)));
        Store.Append(Audit(Tenant, Noon.AddTicks(2)));
        Store.Append(Audit(null, Noon.AddTicks(3), kind: "venue", planId: null));

        var all = AuditChainVerifier.Verify(Store.ReadAuditEvents(null));
        var one = AuditChainVerifier.Verify(Store.ReadAuditEvents(Tenant));

        Assert.True(all.Intact, all.FirstBreak?.ToString());
        Assert.Equal(4, all.Events);
        Assert.True(one.Intact, one.FirstBreak?.ToString());
        Assert.Equal(2, one.Events);
    }

    [Fact]
    public void AnEventWithARole_ReadsBackWithIt_AndVerifies_ALocalEventHasNone()
    {
        var served = Store.Append(Audit(Tenant, Noon) with { Actor = Actor with { User = "ci-bot", Role = "agent" } });
        var local = Store.Append(Audit(Tenant, Noon.AddTicks(1)));

        Assert.Equal("agent", Store.FindAuditEvent(served.Id)!.Entry.Actor.Role);
        Assert.Null(Store.FindAuditEvent(local.Id)!.Entry.Actor.Role);
        Assert.Equal(["agent", null], Store.ReadAuditEvents(Tenant).Select(e => e.Entry.Actor.Role));
        Assert.True(AuditChainVerifier.Verify(Store.ReadAuditEvents(null)).Intact);
    }

    [Fact]
    public void FindAuditEvent_ReturnsTheEventExactlyAsAppended()
    {
        var appended = Store.Append(Audit(Tenant, Noon));

        var found = Store.FindAuditEvent(appended.Id)!;

        Assert.Equal((appended.Sequence, appended.Position, appended.PreviousHash, appended.Hash), (found.Sequence, found.Position, found.PreviousHash, found.Hash));
        Assert.Equal(appended.Entry with { Details = found.Entry.Details }, found.Entry);
        Assert.Equal(appended.Entry.Details.OrderBy(p => p.Key), found.Entry.Details.OrderBy(p => p.Key));
        Assert.True(AuditChainVerifier.HashMatches(found));
        Assert.Null(Store.FindAuditEvent("evt-unknown"));
    }

    [Fact]
    public void ListAudit_TheTenantsNewestFirst_UpToTheLimit()
    {
        var first = Store.Append(Audit(Tenant, Noon));
        var second = Store.Append(Audit(Tenant, Noon.AddSeconds(1)));
        var third = Store.Append(Audit(Tenant, Noon.AddSeconds(2)));
        Store.Append(Audit(OtherTenant, Noon.AddSeconds(3)));

        Assert.Equal([third.Id, second.Id], Store.ListAudit(Tenant, 2).Select(e => e.Id));
        Assert.Equal(3, Store.ListAudit(Tenant, 10).Count);
        Assert.DoesNotContain(first.Id, Store.ListAudit(OtherTenant, 10).Select(e => e.Id));
    }

    [Fact]
    public void QueryAudit_BySinceAndPlan_OrEveryTenantsWhenNoneIsNamed()
    {
        Store.Append(Audit(Tenant, Noon.AddMinutes(-1), planId: "plan-1"));
        var recent = Store.Append(Audit(Tenant, Noon, planId: "plan-1"));
        var otherPlan = Store.Append(Audit(Tenant, Noon.AddMinutes(1), planId: "plan-2"));
        var otherTenant = Store.Append(Audit(OtherTenant, Noon.AddMinutes(2), planId: "plan-1"));

        Assert.Equal([otherPlan.Id, recent.Id], Store.QueryAudit(new AuditQuery(Tenant, Noon, null, 10)).Select(e => e.Id));
        Assert.Equal([otherTenant.Id], Store.QueryAudit(new AuditQuery(OtherTenant, null, "plan-1", 10)).Select(e => e.Id));
        Assert.Equal(4, Store.QueryAudit(new AuditQuery(null, null, null, 10)).Count);
    }

    [Fact]
    public void LatestAuditOfKind_TheTenantsNewestOfThoseKinds_HoweverManyEventsFollowed()
    {
        Store.Append(Audit(Tenant, Noon, kind: "TRADING_HALTED"));
        var resumed = Store.Append(Audit(Tenant, Noon.AddSeconds(1), kind: "TRADING_RESUMED"));
        for (var i = 2; i < 60; i++) Store.Append(Audit(Tenant, Noon.AddSeconds(i)));
        Store.Append(Audit(OtherTenant, Noon.AddSeconds(99), kind: "TRADING_HALTED"));

        Assert.Equal(resumed.Id, Store.LatestAuditOfKind(Tenant, ["TRADING_HALTED", "TRADING_RESUMED"])?.Id);
        Assert.Null(Store.LatestAuditOfKind(Tenant, ["TRADING_REDUCE_ONLY"]));
    }

    [Fact]
    public void Append_InsideATransactionThatRollsBack_LeavesNoEvent()
    {
        using (Store.BeginExclusive(Tenant))
            Store.Append(Audit(Tenant, Noon));

        Assert.Empty(Store.ReadAuditEvents(Tenant));
        Assert.Equal(1, Store.Append(Audit(Tenant, Noon)).Position);
    }

    [Fact]
    public void Append_FromManyProcessesAtOnce_KeepsOneUnbrokenChainPerTenant()
    {
        const int Processes = 4, EventsEach = 5;
        var stores = Enumerable.Range(0, Processes).Select(_ => OpenSecondStore()).ToList();

        Race.Run(Processes, i =>
        {
            for (var n = 0; n < EventsEach; n++)
                stores[i].Append(Audit(i % 2 == 0 ? Tenant : OtherTenant, Noon.AddSeconds(n)));
            return 0;
        });

        var verification = AuditChainVerifier.Verify(Store.ReadAuditEvents(null));
        Assert.True(verification.Intact, verification.FirstBreak?.ToString());
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9, 10], Store.ReadAuditEvents(Tenant).Select(e => e.Position).Order());
    }
}
