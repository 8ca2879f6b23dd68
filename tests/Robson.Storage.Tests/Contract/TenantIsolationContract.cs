using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// Every read is scoped by tenant: tenant 2 stores one of everything, and tenant 1 finds none of it, whatever it asks by id,
/// by list or by day. Tenant 1 cannot change tenant 2's orders either.
/// </summary>
public abstract class TenantIsolationContract(TestDatabase database) : StoreContract(database)
{
    private void StoreOneOfEverythingForTheOtherTenant()
    {
        var s = OpenSecondStore();
        s.InsertStrategy(OtherTenant, "theirs", Settings(), Noon);
        s.InsertPlan(Plan("their-pl", tenant: OtherTenant));
        s.InsertValidation(Validation("their-val", "their-pl", Noon, tenant: OtherTenant));
        s.InsertExecution(Execution("their-exec", "their-pl", Noon, tenant: OtherTenant));
        s.InsertOrder(Order("their-entry", Noon, tenant: OtherTenant, executionId: "their-exec", planId: "their-pl", status: OrderStatus.Filled)
            with { ExecutedQuantity = D("0.0001") });
        s.InsertOrder(Order("their-pending", Noon, tenant: OtherTenant, executionId: "their-exec", planId: "their-pl", leg: 1));
        s.InsertOrder(Order("their-acked", Noon, tenant: OtherTenant, executionId: "their-exec", planId: "their-pl", leg: 2, status: OrderStatus.Acked));
        s.InsertOrder(Order("their-stop", Noon, tenant: OtherTenant, side: OrderSide.Sell) with { Role = OrderRole.ProtectiveStop, Protects = "their-acked" });
        s.RecordFill(Fill("their-entry", Noon, tenant: OtherTenant), "t1");
        s.Append(Audit(OtherTenant, Noon, planId: "their-pl"));
        s.SetBalance(OtherTenant, "USDT", 1000m);
        s.RecordPaperOrder(PaperOrder("their-paper", Noon, tenant: OtherTenant));
        s.InsertVenue(Venue("their-venue", tenant: OtherTenant));
        s.SetTradingState(OtherTenant, new TradingStatus(TradingState.Halted, "theirs", Noon));
        s.RecordEquity(OtherTenant, Paper, 1000m, Noon);
    }

    [Fact]
    public void PlansStrategiesAndValidations_OfAnotherTenant_AreNotFound()
    {
        StoreOneOfEverythingForTheOtherTenant();

        Assert.Null(Store.FindPlan(Tenant, "their-pl"));
        Assert.Empty(Store.ListPlans(Tenant));
        Assert.Null(Store.FindStrategy(Tenant, 1));
        Assert.Empty(Store.ListStrategies(Tenant));
        Assert.False(Store.StrategyNameTaken(Tenant, "theirs"));
        Assert.Null(Store.LatestValidation(Tenant, "their-pl"));
        Assert.Equal(new Core.Reporting.ValidationTally(0, 0, 0), Store.ValidationsBetween(Tenant, Day, Day, null));
    }

    [Fact]
    public void ExecutionsOrdersAndFills_OfAnotherTenant_AreNotFound()
    {
        StoreOneOfEverythingForTheOtherTenant();

        Assert.Null(Store.FindExecution(Tenant, "their-exec"));
        Assert.Empty(Store.ListExecutions(Tenant, 10));
        Assert.Empty(Store.ExecutionsBetween(Tenant, Day, Day));
        Assert.Empty(Store.OrdersOfExecution(Tenant, "their-exec"));
        Assert.Empty(Store.FillsOfExecution(Tenant, "their-exec"));
        Assert.False(Store.PlanHasLiveOrders(Tenant, "their-pl"));
        Assert.Empty(Store.LiveOrdersOn(Tenant, Day, VenueScope.AllVenues));
        Assert.Empty(Store.LiveOrdersBetween(Tenant, Day, Day));
        Assert.Empty(Store.LiveFillsBetween(Tenant, Day, Day));
        Assert.Empty(Store.RealisedBetween(Tenant, Day, Day, VenueScope.AllVenues));
        Assert.Empty(Store.Positions(Tenant, null));
        Assert.Empty(Store.VenuesWithOrders(Tenant));
        Assert.Null(Store.FindOrder(Tenant, "their-pending"));
        Assert.Empty(Store.UnresolvedOrders(Tenant, null));
        Assert.Empty(Store.RestingOrders(Tenant, null));
        Assert.Empty(Store.ProtectionsOf(Tenant, "their-acked"));
        Assert.Empty(Store.EntriesWithoutProtection(Tenant, null));
        Assert.Empty(Store.FillsOfOrder(Tenant, "their-entry"));
        Assert.Null(Store.OrderSentAt(Tenant, "their-pending"));
    }

    [Fact]
    public void AnotherTenantsOrder_CannotBeChanged()
    {
        StoreOneOfEverythingForTheOtherTenant();

        Assert.False(Store.ChangeOrderStatus(Tenant, "their-pending", OrderStatus.Pending, OrderStatus.Sent, Noon));
        Assert.Throws<InvalidOperationException>(() => Store.UpdateOrder(Order("their-pending", Noon, status: OrderStatus.Canceled), Noon));

        Assert.Equal(OrderStatus.Pending, Store.FindOrder(OtherTenant, "their-pending")!.Status);
    }

    [Fact]
    public void AuditEvents_OfAnotherTenant_AreNotListed()
    {
        StoreOneOfEverythingForTheOtherTenant();

        Assert.Empty(Store.ListAudit(Tenant, 10));
        Assert.Empty(Store.QueryAudit(new AuditQuery(Tenant, null, "their-pl", 10)));
        Assert.Empty(Store.ReadAuditEvents(Tenant));
        Assert.Equal(1, Store.Append(Audit(Tenant, Noon)).Position);
    }

    [Fact]
    public void PaperVenuesAndTradingState_OfAnotherTenant_AreNotSeen()
    {
        StoreOneOfEverythingForTheOtherTenant();

        Assert.Null(Store.Balances(Tenant));
        Assert.Null(Store.FindPaperOrder(Tenant, "their-paper"));
        Assert.Empty(Store.RestingPaperOrders(Tenant, null));
        Assert.Empty(Store.PaperLocked(Tenant));
        Assert.Null(Store.FindVenue(Tenant, "their-venue"));
        Assert.Empty(Store.ListVenues(Tenant));
        Assert.False(Store.RemoveVenue(Tenant, "their-venue"));
        Assert.NotNull(Store.FindVenue(OtherTenant, "their-venue"));
        Assert.Equal(TradingState.Active, Store.GetTradingState(Tenant).State);
        Assert.Null(Store.PeakEquity(Tenant, Paper));
    }
}
