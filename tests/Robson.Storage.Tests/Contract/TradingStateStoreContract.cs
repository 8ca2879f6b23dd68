using Robson.Core.Domain;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>The kill switch and the equity peak that drawdown is measured from: both survive processes, both per tenant.</summary>
public abstract class TradingStateStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void TradingState_ActiveUntilSet_ThenAsLastSet()
    {
        Assert.Equal(TradingState.Active, Store.GetTradingState(Tenant).State);

        Store.SetTradingState(Tenant, new TradingStatus(TradingState.Reducing, "drawdown", Noon));
        Store.SetTradingState(Tenant, new TradingStatus(TradingState.Halted, "daily loss limit", Noon.AddMinutes(1)));

        Assert.Equal(new TradingStatus(TradingState.Halted, "daily loss limit", Noon.AddMinutes(1)), OpenSecondStore().GetTradingState(Tenant));
        Assert.Equal(TradingState.Active, Store.GetTradingState(OtherTenant).State);
    }

    [Fact]
    public void PeakEquity_IsTheHighestRecorded_ComparedAsNumbersNotText()
    {
        Assert.Null(Store.PeakEquity(Tenant, Paper));

        Store.RecordEquity(Tenant, Paper, D("9"), Noon);
        Store.RecordEquity(Tenant, Paper, D("10.5"), Noon.AddMinutes(1)); // as text, "10.5" < "9"
        Store.RecordEquity(Tenant, Paper, D("10.25"), Noon.AddMinutes(2));

        Assert.Equal(D("10.5"), Store.PeakEquity(Tenant, Paper));
    }

    [Fact]
    public void PeakEquity_IsKeptPerVenue()
    {
        Store.RecordEquity(Tenant, Paper, D("100000"), Noon);
        Store.RecordEquity(Tenant, Binance, D("250.75"), Noon);

        Assert.Equal(D("250.75"), Store.PeakEquity(Tenant, Binance));
        Assert.Null(Store.PeakEquity(OtherTenant, Paper));
    }
}
