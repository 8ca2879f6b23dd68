using Robson.Core.Domain;
using Robson.Core.Plans;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>Plans are immutable and content-hashed: what is read back must hash to the stored hash, or LIVE refuses it as tampered.</summary>
public abstract class PlanStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void FindPlan_ReturnsThePlanExactlyAsStored_SoItsHashStillMatches()
    {
        var plan = Plan("pl4n0001");
        Store.InsertPlan(plan);

        var found = Store.FindPlan(Tenant, "pl4n0001");

        Assert.NotNull(found);
        Assert.Equal(PlanHasher.Canonical(plan), PlanHasher.Canonical(found));
        Assert.Equal(plan.Hash, found.Hash);
        Assert.Equal(found.Hash, PlanHasher.Compute(found));
        Assert.Equal(plan.CreatedAt, found.CreatedAt);
    }

    [Fact]
    public void FindPlan_KeepsARebalanceAllocationAndAMissingStrategy()
    {
        var plan = PlanHasher.WithHash(Plan("r3bal001", strategyId: null) with
        {
            Kind = PlanKind.Rebalance,
            Allocation = [new AllocationRow("BTC", D("0.5"), D("56000.12"), D("60.123"), D("50"), D("0.41666667"))],
        });
        Store.InsertPlan(plan);

        var found = Store.FindPlan(Tenant, "r3bal001")!;

        Assert.Null(found.StrategyId);
        Assert.Equal(PlanKind.Rebalance, found.Kind);
        Assert.Equal(plan.Allocation, found.Allocation);
        Assert.Equal(found.Hash, PlanHasher.Compute(found));
    }

    [Fact]
    public void FindPlan_UnknownId_IsNotFound() =>
        Assert.Null(Store.FindPlan(Tenant, "nope0000"));

    [Fact]
    public void ListPlans_NewestFirst()
    {
        Store.InsertPlan(Plan("old00001", at: Noon.AddHours(-2)));
        Store.InsertPlan(Plan("new00001", at: Noon));
        Store.InsertPlan(Plan("mid00001", at: Noon.AddHours(-1)));

        Assert.Equal(["new00001", "mid00001", "old00001"], Store.ListPlans(Tenant).Select(p => p.Id));
    }

    [Fact]
    public void InsertPlan_WithAnIdAlreadyStored_FailsAndKeepsTheFirstPlan()
    {
        Store.InsertPlan(Plan("pl4n0001", at: Noon));

        Assert.ThrowsAny<Exception>(() => Store.InsertPlan(Plan("pl4n0001", at: Noon.AddHours(1))));
        Assert.Equal(Noon, Store.FindPlan(Tenant, "pl4n0001")!.CreatedAt);
    }
}
