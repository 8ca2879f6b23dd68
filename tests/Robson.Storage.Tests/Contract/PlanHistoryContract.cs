using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>A plan's status reads its latest validation, its executions and whether LIVE orders were recorded, per tenant.</summary>
public abstract class PlanHistoryContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void PlanHistories_LatestValidation_ExecutionsOldestFirst_AndLiveOrders_PerPlan()
    {
        Store.InsertValidation(Validation("v-old", "plan-1", Noon.AddMinutes(-5), ValidationStatus.Fail));
        Store.InsertValidation(Validation("v-new", "plan-1", Noon, ValidationStatus.Pass));
        Store.InsertValidation(Validation("v-tie", "plan-2", Noon));
        Store.InsertValidation(Validation("v-tie2", "plan-2", Noon)); // same time: the later insert is the latest
        Store.InsertExecution(Execution("e-2", "plan-1", Noon.AddMinutes(2), status: ExecutionStatus.Success));
        Store.InsertExecution(Execution("e-1", "plan-1", Noon.AddMinutes(1), mode: ExecutionMode.DryRun));
        Store.InsertOrder(Order("c-1", Noon.AddMinutes(2), executionId: "e-2", planId: "plan-1"));
        Store.InsertExecution(Execution("e-other", "plan-1", Noon, tenant: OtherTenant));

        var all = Store.PlanHistories(Tenant, null);

        Assert.Equal(["plan-1", "plan-2"], all.Keys.Order(StringComparer.Ordinal));
        var first = all["plan-1"];
        Assert.Equal(("v-new", ValidationStatus.Pass, Noon, 3), (first.LatestValidation!.ValidationId, first.LatestValidation.Status, first.LatestValidation.ValidatedAt, first.LatestValidation.StrategyVersion));
        Assert.Equal("hash-plan-1", first.LatestValidation.PlanHash);
        Assert.Equal(["e-1", "e-2"], first.Executions.Select(e => e.ExecutionId));
        Assert.Equal((ExecutionMode.Live, ExecutionStatus.Success), (first.Executions[1].Mode, first.Executions[1].Status));
        Assert.True(first.SentLive);
        Assert.Equal("v-tie2", all["plan-2"].LatestValidation!.ValidationId);
        Assert.False(all["plan-2"].SentLive);
        Assert.Empty(all["plan-2"].Executions);
    }

    [Fact]
    public void PlanHistories_OfOnePlan_ReadsOnlyThatPlan_AndAnotherTenantSeesNothing()
    {
        Store.InsertValidation(Validation("v-1", "plan-1", Noon));
        Store.InsertValidation(Validation("v-2", "plan-2", Noon));

        Assert.Equal(["plan-1"], Store.PlanHistories(Tenant, "plan-1").Keys);
        Assert.Empty(Store.PlanHistories(OtherTenant, null));
    }
}
