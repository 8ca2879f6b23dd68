using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// Several processes may open a new database at the same moment (CLIs on a fresh ROBSON_HOME, service instances starting
/// against an empty PostgreSQL database): each must end up with a working store, whoever creates the schema.
/// </summary>
public abstract class ConcurrentOpenContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void ManyProcessesOpeningANewDatabaseAtOnce_AllGetAWorkingStore()
    {
        var stores = Race.Run(4, _ => OpenStore());

        for (var i = 0; i < stores.Count; i++)
            stores[i].InsertPlan(Plan($"plan{i:D4}"));
        Assert.Equal(4, Store.ListPlans(Tenant).Count);
    }
}
