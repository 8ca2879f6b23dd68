using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>Each tenant's venues, and what every process learns about a venue's limits (bans, weight, exchangeInfo).</summary>
public abstract class VenueRegistryContract(TestDatabase database) : StoreContract(database)
{
    private const string Url = "https://api.binance.example";

    [Fact]
    public void Venues_AddedFoundListedByNameAndRemoved()
    {
        Store.InsertVenue(Venue("testnet", credentialsFile: null));
        Store.InsertVenue(Venue("main"));

        Assert.Equal(Venue("main"), Store.FindVenue(Tenant, "main"));
        Assert.Equal(["main", "testnet"], Store.ListVenues(Tenant).Select(v => v.Name));
        Assert.Null(Store.FindVenue(Tenant, "testnet")!.CredentialsFile);
        Assert.True(Store.RemoveVenue(Tenant, "main"));
        Assert.False(Store.RemoveVenue(Tenant, "main"));
        Assert.Null(Store.FindVenue(Tenant, "main"));
    }

    [Fact]
    public void VenuesOfOtherTenants_EveryoneElsesButNotOurs()
    {
        Store.InsertVenue(Venue("ours"));
        Store.InsertVenue(Venue("theirs", tenant: OtherTenant));
        Store.InsertVenue(Venue("third", tenant: Core.Domain.ClientId.From(3)));

        Assert.Equal(["theirs", "third"], Store.VenuesOfOtherTenants(Tenant).Select(v => v.Name).Order());
    }

    [Fact]
    public void VenueLimits_ABanAndTheWeightUsedAreKept()
    {
        Assert.Equal(new(null, null, null, null), Store.GetVenueLimits(Url));

        Store.BlockVenue(Url, Noon.AddMinutes(2), "HTTP 418", Noon);
        OpenSecondStore().RecordUsedWeight(Url, 1150, Noon.AddSeconds(1));

        Assert.Equal(new(Noon.AddMinutes(2), "HTTP 418", 1150, Noon.AddSeconds(1)), Store.GetVenueLimits(Url));
        Assert.Equal(new(null, null, null, null), Store.GetVenueLimits("https://other.example"));
    }

    [Fact]
    public void ExchangeInfo_CachedPerBaseUrl_TheLatestWins()
    {
        Assert.Null(Store.CachedExchangeInfo(Url));

        Store.CacheExchangeInfo(Url, """{"symbols":[]}""", Noon);
        Store.CacheExchangeInfo(Url, """{"symbols":[{"symbol":"BTCUSDT"}]}""", Noon.AddHours(1));

        Assert.Equal(("""{"symbols":[{"symbol":"BTCUSDT"}]}""", Noon.AddHours(1)), Store.CachedExchangeInfo(Url));
    }
}
