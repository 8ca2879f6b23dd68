using System.Diagnostics;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// Locks are per tenant: one tenant's open transaction never makes another tenant wait (issue 10, "one tenant's activity
/// never waits for another's"). Only engines with per-tenant locks derive this class: PostgreSQL. The embedded SQLite store
/// has a single writer, so there tenant B's write waits for tenant A's commit by design and this contract does not apply.
/// </summary>
public abstract class TenantLockContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void WhileOneTenantHoldsItsLock_AnotherTenantLocksAndWritesWithinASecond()
    {
        Store.InsertStrategy(Tenant, "core", Settings(), Noon); // schema in place before the clock starts
        var other = OpenSecondStore();
        using var held = Store.BeginExclusive(Tenant);
        Store.InsertOrder(Order("a-1", Noon, tenant: Tenant));

        var clock = Stopwatch.StartNew();
        var done = OtherProcess<bool>.Start(() =>
        {
            using var tx = other.BeginExclusive(OtherTenant);
            other.InsertOrder(Order("b-1", Noon, tenant: OtherTenant));
            tx.Commit();
            return true;
        });

        Assert.True(done.Wait(TimeSpan.FromSeconds(1)) && done.Result, $"tenant 2 waited for tenant 1's lock ({clock.ElapsedMilliseconds} ms and counting)");
        Assert.NotNull(other.FindOrder(OtherTenant, "b-1"));
        held.Commit();
    }
}
