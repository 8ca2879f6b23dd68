using Robson.Core.Ports;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>
/// Idempotency keys: the first request with a key starts, a retry of it is told it is in progress or gets the stored answer,
/// another request with the key is refused; keys are per tenant and forgotten after 24 hours.
/// </summary>
public abstract class IdempotencyStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void ANewKey_Starts_ThenTheSameRequestIsInProgress_UntilCompleted_ThenReplayed()
    {
        Assert.IsType<IdempotencyBegin.Started>(Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon));
        Assert.IsType<IdempotencyBegin.InProgress>(Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon.AddSeconds(1)));

        Store.CompleteIdempotent(Tenant, "key-1", 201, "application/json", """{"plan_id":"p1"}""");

        Assert.Equal(new IdempotencyBegin.Replay(201, "application/json", """{"plan_id":"p1"}"""),
            OpenSecondStore().BeginIdempotent(Tenant, "key-1", "req-a", Noon.AddSeconds(2)));
    }

    [Fact]
    public void TheSameKey_ForAnotherRequest_IsAMismatch_CompletedOrNot()
    {
        Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon);
        Assert.IsType<IdempotencyBegin.Mismatch>(Store.BeginIdempotent(Tenant, "key-1", "req-b", Noon));

        Store.CompleteIdempotent(Tenant, "key-1", 200, "application/json", "{}");
        Assert.IsType<IdempotencyBegin.Mismatch>(Store.BeginIdempotent(Tenant, "key-1", "req-b", Noon));
    }

    [Fact]
    public void Keys_ArePerTenant()
    {
        Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon);
        Store.CompleteIdempotent(Tenant, "key-1", 200, "application/json", "mine");

        Assert.IsType<IdempotencyBegin.Started>(Store.BeginIdempotent(OtherTenant, "key-1", "req-b", Noon));
        Store.CompleteIdempotent(OtherTenant, "key-1", 200, "application/json", "theirs");
        Assert.Equal(new IdempotencyBegin.Replay(200, "application/json", "mine"), Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon));
    }

    [Fact]
    public void AKey_IsRemembered24Hours_ThenCountsAsAbsent()
    {
        Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon);
        Store.CompleteIdempotent(Tenant, "key-1", 200, "application/json", "first");

        Assert.IsType<IdempotencyBegin.Replay>(Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon.AddHours(24)));
        Assert.IsType<IdempotencyBegin.Started>(Store.BeginIdempotent(Tenant, "key-1", "req-b", Noon.AddHours(24).AddTicks(1)));
        Assert.IsType<IdempotencyBegin.InProgress>(Store.BeginIdempotent(Tenant, "key-1", "req-b", Noon.AddHours(24).AddTicks(2)));
    }

    [Fact]
    public void AnAnswer_IsCompletedOnce_ASecondCompletionChangesNothing()
    {
        Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon);
        Store.CompleteIdempotent(Tenant, "key-1", 201, "application/json", "first");
        Store.CompleteIdempotent(Tenant, "key-1", 500, "text/plain", "second");

        Assert.Equal(new IdempotencyBegin.Replay(201, "application/json", "first"), Store.BeginIdempotent(Tenant, "key-1", "req-a", Noon));
    }

    [Fact]
    public void ManyProcessesBeginningOneNewKeyAtOnce_ExactlyOneStarts()
    {
        const int Processes = 8;
        Store.BeginIdempotent(Tenant, "warm-up", "req", Noon); // the schema exists before the race: the race is on the key
        var stores = Enumerable.Range(0, Processes).Select(_ => OpenSecondStore()).ToList();

        var begun = Race.Run(Processes, i => stores[i].BeginIdempotent(Tenant, "key-1", "req-a", Noon));

        Assert.Single(begun, b => b is IdempotencyBegin.Started);
        Assert.All(begun.Where(b => b is not IdempotencyBegin.Started), b => Assert.IsType<IdempotencyBegin.InProgress>(b));
    }
}
