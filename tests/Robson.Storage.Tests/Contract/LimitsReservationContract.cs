using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// The tenant's exclusive transaction makes "count today's orders, reserve one if under the limit" one atomic step across
/// processes (each store here is its own connection, as a process would have): concurrent executions never overshoot
/// max_orders_per_day.
/// </summary>
public abstract class LimitsReservationContract(TestDatabase database) : StoreContract(database)
{
    /// <summary>What the ExecutionLimits guard and the reservation do, in one exclusive transaction; true if reserved.</summary>
    private static bool ReserveIfUnderLimit(IRobsonStore store, ClientId tenant, string clientOrderId, int limit)
    {
        using var tx = store.BeginExclusive(tenant);
        var today = store.LiveOrdersOn(tenant, Day, VenueScope.Paper).Count(o => o.CountsAgainstLimits);
        if (today >= limit) return false;
        store.InsertOrder(Order(clientOrderId, Noon, tenant: tenant));
        tx.Commit();
        return true;
    }

    [Fact]
    public void ManyProcessesReservingAtOnce_ExactlyTheLimitGetIn()
    {
        const int Processes = 8, Limit = 3;
        Store.InsertStrategy(Tenant, "core", Settings(), Noon); // the schema exists before the race: the race is on the limit
        var stores = Enumerable.Range(0, Processes).Select(_ => OpenSecondStore()).ToList();

        var reserved = Race.Run(Processes, i => ReserveIfUnderLimit(stores[i], Tenant, $"race-{i}", Limit));

        Assert.Equal(Limit, reserved.Count(r => r));
        Assert.Equal(Limit, Store.LiveOrdersOn(Tenant, Day, VenueScope.Paper).Count);
    }

    [Fact]
    public void TwoTenantsReservingAtOnce_EachGetsExactlyItsOwnLimit()
    {
        const int ProcessesPerTenant = 4, Limit = 2;
        Store.InsertStrategy(Tenant, "core", Settings(), Noon);
        var stores = Enumerable.Range(0, 2 * ProcessesPerTenant).Select(_ => OpenSecondStore()).ToList();

        Race.Run(stores.Count, i => ReserveIfUnderLimit(stores[i], i % 2 == 0 ? Tenant : OtherTenant, $"race-{i}", Limit));

        Assert.Equal(Limit, Store.LiveOrdersOn(Tenant, Day, VenueScope.Paper).Count);
        Assert.Equal(Limit, Store.LiveOrdersOn(OtherTenant, Day, VenueScope.Paper).Count);
    }

    [Fact]
    public void ATenantsLock_MakesAnotherProcessWait_ThenItSeesWhatWasCommitted()
    {
        var holder = Store;
        var waiter = OpenSecondStore();
        var tx = holder.BeginExclusive(Tenant);
        holder.InsertOrder(Order("first", Noon));

        var waiting = OtherProcess<bool>.Start(() => ReserveIfUnderLimit(waiter, Tenant, "second", limit: 1));
        Thread.Sleep(300);
        Assert.False(waiting.IsDone, "the second process reserved while the first held the tenant's lock");
        tx.Commit();
        tx.Dispose();

        Assert.True(waiting.Wait(TimeSpan.FromSeconds(10)));
        Assert.False(waiting.Result); // it counted the first order: the limit of 1 was reached
        Assert.Equal(["first"], Store.LiveOrdersOn(Tenant, Day, VenueScope.Paper).Select(o => o.ClientOrderId));
    }

    [Fact]
    public void EveryTenantsLock_WaitsForATenantsTransaction()
    {
        var second = OpenSecondStore();
        var tx = Store.BeginExclusive(OtherTenant);
        Store.SetBalance(OtherTenant, "USDT", 1m);

        var waiting = OtherProcess<IReadOnlyDictionary<string, decimal>?>.Start(() =>
        {
            using var all = second.BeginExclusiveAllTenants();
            var seen = second.Balances(OtherTenant);
            all.Commit();
            return seen;
        });
        Thread.Sleep(300);
        Assert.False(waiting.IsDone, "the all-tenants transaction began while a tenant's was open");
        tx.Commit();
        tx.Dispose();

        Assert.True(waiting.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal(1m, waiting.Result!["USDT"]);
    }

    [Fact]
    public void AScopeDisposedWithoutCommit_RollsBackItsReservation()
    {
        using (Store.BeginExclusive(Tenant))
            Store.InsertOrder(Order("abandoned", Noon));

        Assert.Null(Store.FindOrder(Tenant, "abandoned"));
        Assert.True(ReserveIfUnderLimit(OpenSecondStore(), Tenant, "next", limit: 1));
    }

    [Fact]
    public void AnInnerScope_JoinsTheOuterTransaction_WhichDecides()
    {
        using (Store.BeginExclusive(Tenant))
        {
            using (var inner = Store.BeginExclusive(Tenant))
            {
                Store.InsertOrder(Order("inner", Noon));
                inner.Commit();
            }
            // the outer scope is disposed without commit: the inner "commit" must not have made the order permanent
        }

        Assert.Null(OpenSecondStore().FindOrder(Tenant, "inner"));
    }
}
