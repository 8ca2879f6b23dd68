using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// Executions and the figures the daily limits and reports read from them: which orders belong to which UTC day and which
/// books (paper never mixes with real venues), and which fills count up to a day.
/// </summary>
public abstract class ExecutionStoreContract(TestDatabase database) : StoreContract(database)
{
    private static readonly DateTimeOffset DayStart = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FindExecution_ReturnsGuardsActionsAndErrorAsStored()
    {
        var execution = Execution("exec-1", "plan-1", Noon, status: ExecutionStatus.Blocked);
        Store.InsertExecution(execution);

        var found = Store.FindExecution(Tenant, "exec-1")!;

        Assert.Equal((execution.PlanId, execution.PlanHash, execution.Venue, execution.Mode, execution.Status, execution.Error, execution.ExecutedAt),
            (found.PlanId, found.PlanHash, found.Venue, found.Mode, found.Status, found.Error, found.ExecutedAt));
        Assert.Equal(execution.Guards.Select(g => (g.Name, g.Passed, g.Message, g.BlocksLive, g.Code)),
            found.Guards.Select(g => (g.Name, g.Passed, g.Message, g.BlocksLive, g.Code)));
        Assert.Equal(execution.Guards[1].Details, found.Guards[1].Details);
        var action = Assert.Single(found.Actions);
        Assert.Equal((ExecutionAction.Real, "BUY 0.001 BTCUSDT", "FILLED"), (action.Type, action.Description, action.Result));
        Assert.Equal(execution.Actions[0].Details, action.Details);
    }

    [Fact]
    public void ListExecutions_NewestFirst_UpToTheLimit_AndPerPlan()
    {
        Store.InsertExecution(Execution("exec-1", "plan-1", Noon.AddMinutes(1)));
        Store.InsertExecution(Execution("exec-2", "plan-2", Noon.AddMinutes(3)));
        Store.InsertExecution(Execution("exec-3", "plan-1", Noon.AddMinutes(2)));

        Assert.Equal(["exec-2", "exec-3"], Store.ListExecutions(Tenant, 2).Select(e => e.ExecutionId));
        Assert.Equal(["exec-3", "exec-1"], Store.ListExecutions(Tenant, "plan-1", 10).Select(e => e.ExecutionId));
    }

    [Fact]
    public void ListExecutions_Filtered_InTheStoresQuery_OnEveryEngine()
    {
        Store.InsertPlan(Plan("plan-1"));
        Store.InsertExecution(Execution("live-blocked", "plan-1", DayStart.AddHours(1), status: ExecutionStatus.Blocked));
        Store.InsertExecution(Execution("dry-failed-guard", "plan-1", DayStart.AddHours(2), mode: ExecutionMode.DryRun)); // a failed guard, not BLOCKED
        Store.InsertExecution(Execution("live-next-day", "plan-1", DayStart.AddDays(1), venue: Binance));
        Store.InsertExecution(Execution("other-plan", "plan-2", DayStart.AddHours(3)));

        string[] Listed(ExecutionFilter filter) => Store.ListExecutions(Tenant, filter, 10).Select(e => e.ExecutionId).ToArray();
        Assert.Equal(["live-blocked"], Listed(new ExecutionFilter(BlockedBy: "ExecutionLimits")));
        Assert.Empty(Listed(new ExecutionFilter(BlockedBy: "TenantContext")));
        Assert.Equal(["dry-failed-guard"], Listed(new ExecutionFilter(Mode: ExecutionMode.DryRun)));
        Assert.Equal(["live-blocked"], Listed(new ExecutionFilter(Status: ExecutionStatus.Blocked)));
        Assert.Equal(["live-next-day"], Listed(new ExecutionFilter(Venue: Binance)));
        Assert.Equal(["live-next-day"], Listed(new ExecutionFilter(From: Day.AddDays(1))));
        Assert.Equal(["other-plan", "dry-failed-guard", "live-blocked"], Listed(new ExecutionFilter(To: Day)));
        Assert.Equal(["live-next-day", "dry-failed-guard", "live-blocked"], Listed(new ExecutionFilter(Symbol: Btc))); // plan-2 is not stored
        Assert.Empty(Listed(new ExecutionFilter(Symbol: Symbol.From("SOLUSDT"))));
        Assert.Equal(["live-blocked"], Listed(new ExecutionFilter(Mode: ExecutionMode.Live, To: Day, Symbol: Btc)));
    }

    [Fact]
    public void ValidationsByDay_CountsEachUtcDayApart_OnEveryEngine()
    {
        Store.InsertPlan(Plan("plan-1"));
        Store.InsertValidation(Validation("v1", "plan-1", DayStart, ValidationStatus.Pass));
        Store.InsertValidation(Validation("v2", "plan-1", DayStart.AddDays(1).AddTicks(-1), ValidationStatus.Fail));
        Store.InsertValidation(Validation("v3", "plan-1", DayStart.AddDays(1), ValidationStatus.Warning));
        Store.InsertValidation(Validation("v4", "plan-1", DayStart.AddDays(3), ValidationStatus.Pass)); // outside the period

        var days = Store.ValidationsByDay(Tenant, Day, Day.AddDays(2), null);
        Assert.Equal([(Day, new ValidationTally(1, 0, 1)), (Day.AddDays(1), new ValidationTally(0, 1, 0))], days);
        Assert.Empty(Store.ValidationsByDay(Tenant, Day, Day.AddDays(2), Binance));
    }

    [Fact]
    public void LiveOrdersOn_CountsTheWholeUtcDay_AndNothingOfTheDaysAround()
    {
        Store.InsertOrder(Order("before", DayStart.AddTicks(-1)));
        Store.InsertOrder(Order("first", DayStart));
        Store.InsertOrder(Order("last", DayStart.AddDays(1).AddTicks(-1)));
        Store.InsertOrder(Order("after", DayStart.AddDays(1)));

        Assert.Equal(["first", "last"], Store.LiveOrdersOn(Tenant, Day, VenueScope.Paper).Select(o => o.ClientOrderId));
    }

    [Fact]
    public void LiveOrdersOn_KeepsPaperAndRealVenuesApart()
    {
        Store.InsertOrder(Order("on-paper", Noon, venue: Paper));
        Store.InsertOrder(Order("on-binance", Noon.AddSeconds(1), venue: Binance));
        Store.InsertOrder(Order("on-testnet", Noon.AddSeconds(2), venue: "binance-testnet"));

        Assert.Equal(["on-paper"], Store.LiveOrdersOn(Tenant, Day, VenueScope.Paper).Select(o => o.ClientOrderId));
        Assert.Equal(["on-binance", "on-testnet"], Store.LiveOrdersOn(Tenant, Day, VenueScope.RealVenues).Select(o => o.ClientOrderId));
        Assert.Equal(3, Store.LiveOrdersOn(Tenant, Day, VenueScope.AllVenues).Count);
    }

    [Fact]
    public void LiveFillsBetween_TheFillsOfThoseUtcDays_OnEveryVenue_OldestFirst()
    {
        Store.InsertOrder(Order("o-paper", DayStart.AddDays(-3)));
        Store.InsertOrder(Order("o-real", DayStart.AddDays(-3), venue: Binance));
        Store.RecordFill(Fill("o-paper", DayStart.AddDays(1).AddTicks(-1)), "t3");
        Store.RecordFill(Fill("o-paper", DayStart.AddDays(-2), price: "1.5"), "t1");
        Store.RecordFill(Fill("o-paper", DayStart.AddDays(1)), "t4");
        Store.RecordFill(Fill("o-real", Noon, venue: Binance), "t5");

        var fills = Store.LiveFillsBetween(Tenant, Day.AddDays(-2), Day);

        Assert.Equal([DayStart.AddDays(-2), Noon, DayStart.AddDays(1).AddTicks(-1)], fills.Select(f => f.FilledAt));
        Assert.Equal(D("1.5"), fills[0].Price);
        Assert.Equal([Paper, Binance, Paper], fills.Select(f => f.Venue));
    }

    [Fact]
    public void Positions_AndRealisedPnlByDay_AreKeptAsFillsAreRecorded_PerVenueBook()
    {
        Store.InsertOrder(Order("buy", DayStart));
        Store.InsertOrder(Order("sell", DayStart, side: OrderSide.Sell));
        Store.InsertOrder(Order("real-buy", DayStart, venue: Binance));
        Store.RecordFill(new FillRecord(Tenant, "buy", Paper, Btc, OrderSide.Buy, D("100"), D("2"), D("0"), "USDT", D("1"), DayStart.AddHours(1)), "b1");
        Store.RecordFill(new FillRecord(Tenant, "sell", Paper, Btc, OrderSide.Sell, D("130"), D("0.5"), D("0"), "USDT", D("0.25"), Noon), "s1");
        Store.RecordFill(new FillRecord(Tenant, "real-buy", Binance, Btc, OrderSide.Buy, D("90"), D("1"), D("0"), "USDT", D("0"), Noon), "r1");

        var paper = Assert.Single(Store.Positions(Tenant, Paper)).Position;
        // Cost basis 201 for 2 (fee included); half a unit sold at 130 realises 65 - 50.25 - 0.25 fee.
        Assert.Equal((D("1.5"), D("150.75"), D("14.5")), (paper.Quantity, paper.CostBasis, paper.RealisedPnl));
        Assert.Equal(2, Store.Positions(Tenant, null).Count);
        var day = Assert.Single(Store.RealisedBetween(Tenant, Day, Day, VenueScope.Paper));
        Assert.Equal((Paper, D("14.5"), 1), (day.Venue, day.Pnl, day.Sales));
        Assert.Empty(Store.RealisedBetween(Tenant, Day, Day, VenueScope.RealVenues));
    }

    [Fact]
    public void OrdersAndFillsOfExecution_ByLegThenOldestFirst()
    {
        Store.InsertOrder(Order("leg-1", Noon, executionId: "exec-1", leg: 1));
        Store.InsertOrder(Order("leg-0", Noon.AddSeconds(1), executionId: "exec-1", leg: 0));
        Store.InsertOrder(Order("other", Noon, executionId: "exec-2"));
        Store.RecordFill(Fill("leg-0", Noon.AddSeconds(5)), "t2");
        Store.RecordFill(Fill("leg-1", Noon.AddSeconds(4)), "t1");
        Store.RecordFill(Fill("other", Noon.AddSeconds(3)), "t0");

        Assert.Equal(["leg-0", "leg-1"], Store.OrdersOfExecution(Tenant, "exec-1").Select(o => o.ClientOrderId));
        Assert.Equal(["leg-1", "leg-0"], Store.FillsOfExecution(Tenant, "exec-1").Select(f => f.ClientOrderId));
    }

    [Fact]
    public void PlanHasLiveOrders_OnceAnyOrderOfThePlanIsRecorded()
    {
        Assert.False(Store.PlanHasLiveOrders(Tenant, "plan-1"));

        Store.InsertOrder(Order("o-1", Noon, planId: "plan-1", status: OrderStatus.Rejected));

        Assert.True(Store.PlanHasLiveOrders(Tenant, "plan-1"));
        Assert.False(Store.PlanHasLiveOrders(Tenant, "plan-2"));
    }

    [Fact]
    public void ReportFigures_CoverWholeDaysFromAndToInclusive()
    {
        Store.InsertExecution(Execution("before", "p", DayStart.AddTicks(-1)));
        Store.InsertExecution(Execution("first", "p", DayStart, mode: ExecutionMode.DryRun));
        Store.InsertExecution(Execution("last", "p", DayStart.AddDays(2).AddTicks(-1)));
        Store.InsertExecution(Execution("after", "p", DayStart.AddDays(2)));
        Store.InsertOrder(Order("o-1", DayStart.AddDays(1), venue: Binance));
        Store.InsertOrder(Order("o-2", DayStart.AddDays(2), venue: Paper));

        Assert.Equal(["first", "last"], Store.ExecutionsBetween(Tenant, Day, Day.AddDays(1)).Select(e => e.ExecutionId));
        Assert.Equal(["o-1"], Store.LiveOrdersBetween(Tenant, Day, Day.AddDays(1)).Select(o => o.ClientOrderId));
        Assert.Equal([Binance, Paper], Store.VenuesWithOrders(Tenant));
    }

    [Fact]
    public void ValidationsBetween_TalliesByResult_AndByThePlansVenue()
    {
        Store.InsertPlan(Plan("pl-paper", venue: Paper));
        Store.InsertPlan(Plan("pl-real", venue: Binance));
        Store.InsertValidation(Validation("v1", "pl-paper", Noon, ValidationStatus.Pass));
        Store.InsertValidation(Validation("v2", "pl-paper", Noon.AddMinutes(1), ValidationStatus.Fail));
        Store.InsertValidation(Validation("v3", "pl-real", Noon.AddMinutes(2), ValidationStatus.Warning));
        Store.InsertValidation(Validation("v4", "pl-real", DayStart.AddDays(1), ValidationStatus.Pass));

        Assert.Equal(new ValidationTally(1, 1, 1), Store.ValidationsBetween(Tenant, Day, Day, null));
        Assert.Equal(new ValidationTally(1, 0, 1), Store.ValidationsBetween(Tenant, Day, Day, Paper));
    }
}
