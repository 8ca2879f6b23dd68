using Robson.Core.Audit;
using Robson.Core.Execution;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Audit;

public sealed class AuditCrossCheckTests
{
    /// <summary>Client 1: strategy 1 v1..v2, plan p1 validated, executed LIVE with order o1 sent and filled.</summary>
    private static AuditTrail Trail() => new AuditTrail()
        .Add(Client, AuditKinds.StrategyCreated, null, ("strategy_id", 1), ("version", 1))
        .Add(Client, AuditKinds.StrategyChanged, null, ("strategy_id", 1), ("version", 2))
        .Add(Client, AuditKinds.PlanCreated, "p1")
        .Add(Client, AuditKinds.PlanValidated, "p1", ("validation_id", "v1"))
        .Add(Client, AuditKinds.OrderSent, "p1", ("execution_id", "x1"), ("client_order_id", "o1"))
        .Add(Client, AuditKinds.OrderFilled, "p1", ("execution_id", "x1"), ("client_order_id", "o1"))
        .Add(Client, AuditKinds.PlanExecuted, "p1", ("execution_id", "x1"));

    private static List<AuditedRecord> Records() =>
    [
        new(Client, AuditedRecordKind.Strategy, "1") { StrategyVersion = 2 },
        new(Client, AuditedRecordKind.Plan, "p1"),
        new(Client, AuditedRecordKind.Validation, "v1"),
        new(Client, AuditedRecordKind.Execution, "x1"),
        new(Client, AuditedRecordKind.Order, "o1") { OrderStatus = OrderStatus.Filled },
    ];

    private static IReadOnlyList<AuditFinding> Check(List<AuditRecord> events, List<AuditedRecord> records) =>
        AuditCrossCheck.Check(Client, events, records);

    [Fact]
    public void Check_EveryRecordWithItsEvent_FindsNothing()
    {
        Assert.Empty(Check(Trail().Events, Records()));
    }

    [Theory]
    [InlineData(2, "plan p1 has no PLAN_CREATED event")]
    [InlineData(3, "validation v1 has no PLAN_VALIDATED event")]
    [InlineData(6, "execution x1 has no PLAN_EXECUTED event")]
    [InlineData(1, "strategy 1 version 2 has no STRATEGY_CHANGED event")]
    [InlineData(0, "strategy 1 version 1 has no STRATEGY_CREATED event")]
    public void Check_EventDeleted_NamesTheRecordWithoutIt(int deleted, string reason)
    {
        var events = Trail().Events;
        events.RemoveAt(deleted);

        var finding = Assert.Single(Check(events, Records()));

        Assert.Equal(AuditFinding.EventMissing, finding.Code);
        Assert.StartsWith(reason, finding.Reason);
    }

    [Fact]
    public void Check_EveryEventOfAnOrderDeleted_NamesTheOrder()
    {
        var events = Trail().Events;
        events.RemoveRange(4, 2);

        Assert.StartsWith("order o1 (FILLED) has no ORDER_* event", Assert.Single(Check(events, Records())).Reason);
    }

    [Fact]
    public void Check_PendingOrderWithoutEvent_IsAReservationNotYetSent()
    {
        var records = Records();
        records.Add(new(Client, AuditedRecordKind.Order, "o2") { OrderStatus = OrderStatus.Pending });

        Assert.Empty(Check(Trail().Events, records));
    }

    [Theory]
    [InlineData(AuditedRecordKind.Plan, "PLAN_CREATED event evt-0000000000000003 (position 3) names plan p1, which is not stored")]
    [InlineData(AuditedRecordKind.Validation, "PLAN_VALIDATED event evt-0000000000000004 (position 4) names validation v1, which is not stored")]
    [InlineData(AuditedRecordKind.Execution, "PLAN_EXECUTED event evt-0000000000000007 (position 7) names execution x1, which is not stored")]
    [InlineData(AuditedRecordKind.Order, "ORDER_SENT event evt-0000000000000005 (position 5) names order o1, which is not stored")]
    [InlineData(AuditedRecordKind.Strategy, "STRATEGY_CREATED event evt-0000000000000001 (position 1) names strategy 1 version 1, which is not stored")]
    public void Check_RecordDeleted_NamesTheFirstEventNamingIt(AuditedRecordKind kind, string reason)
    {
        var records = Records().Where(r => r.Kind != kind).ToList();

        var finding = Assert.Single(Check(Trail().Events, records));

        Assert.Equal(AuditFinding.RecordMissing, finding.Code);
        Assert.StartsWith(reason, finding.Reason);
        Assert.NotNull(finding.EventId);
    }

    [Fact]
    public void Check_StrategyStoredAtAnOlderVersionThanAudited_IsReported()
    {
        var records = Records();
        records[0] = records[0] with { StrategyVersion = 1 };

        Assert.StartsWith("STRATEGY_CHANGED event evt-0000000000000002 (position 2) names strategy 1 version 2, which is not stored",
            Assert.Single(Check(Trail().Events, records)).Reason);
    }

    [Fact]
    public void Check_OtherTenantsRecordsAndEvents_AreNotMixedIn()
    {
        var records = Records();
        records.Add(new(OtherClient, AuditedRecordKind.Plan, "p9"));
        var events = Trail().Add(OtherClient, AuditKinds.PlanCreated, "p8").Events.Where(e => e.Entry.ClientId == Client).ToList();

        Assert.Empty(Check(events, records));
    }

    [Fact]
    public void Check_EventWithoutTheId_NamesNothing()
    {
        var events = new AuditTrail().Add(Client, AuditKinds.PlanValidated, null).Add(Client, AuditKinds.OrderCancelSent, null, ("client_order_id", "elsewhere")).Events;

        Assert.Empty(Check(events, []));
    }
}
