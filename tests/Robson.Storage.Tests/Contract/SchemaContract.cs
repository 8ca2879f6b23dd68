using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>Opening a store creates or migrates its schema, and leaves what is stored alone.</summary>
public abstract class SchemaContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void ReopeningADatabase_KeepsWhatWasStored()
    {
        using (var first = OpenStore())
            first.InsertPlan(Plan("kept0001"));

        Assert.NotNull(OpenSecondStore().FindPlan(Tenant, "kept0001"));
    }
}
