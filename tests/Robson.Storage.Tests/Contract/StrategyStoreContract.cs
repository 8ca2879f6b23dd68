using Robson.Core.Strategies;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>Strategies and their versions: every change is a new version, so a validation made under an older one stops authorising LIVE.</summary>
public abstract class StrategyStoreContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void InsertStrategy_NumbersStrategiesPerTenantFromOne()
    {
        Assert.Equal(1, Store.InsertStrategy(Tenant, "core", Settings(), Noon).Id);
        Assert.Equal(2, Store.InsertStrategy(Tenant, "swing", Settings(), Noon).Id);
        Assert.Equal(1, Store.InsertStrategy(OtherTenant, "core", Settings(), Noon).Id);
    }

    [Fact]
    public void FindStrategy_ReturnsEverySettingAsStored_AtVersionOne()
    {
        var settings = Settings();
        Store.InsertStrategy(Tenant, "core", settings, Noon);

        var found = Store.FindStrategy(Tenant, 1)!;

        Assert.Equal(("core", 1, Noon, Noon), (found.Name, found.Version, found.CreatedAt, found.UpdatedAt));
        AssertSameSettings(settings, found.Settings);
    }

    [Fact]
    public void FindStrategy_DefaultSettings_ReadBackAsDefaults()
    {
        Store.InsertStrategy(Tenant, "blank", new StrategySettings(), Noon);

        AssertSameSettings(new StrategySettings(), Store.FindStrategy(Tenant, 1)!.Settings);
    }

    [Fact]
    public void UpdateStrategy_StoresTheNewSettingsAsTheNextVersion()
    {
        var created = Store.InsertStrategy(Tenant, "core", Settings(maxOrdersPerDay: 10), Noon);

        var updated = Store.UpdateStrategy(created, Settings(maxOrdersPerDay: 3), Noon.AddMinutes(5));

        var found = Store.FindStrategy(Tenant, created.Id)!;
        Assert.Equal(2, updated.Version);
        Assert.Equal((2, 3, Noon, Noon.AddMinutes(5)), (found.Version, found.Settings.MaxOrdersPerDay, found.CreatedAt, found.UpdatedAt));
    }

    [Fact]
    public void UpdateStrategy_FromAVersionAnotherProcessAlreadyChanged_IsRefused()
    {
        var created = Store.InsertStrategy(Tenant, "core", Settings(maxOrdersPerDay: 10), Noon);
        OpenSecondStore().UpdateStrategy(created, Settings(maxOrdersPerDay: 5), Noon.AddMinutes(1));

        Assert.Throws<InvalidOperationException>(() => Store.UpdateStrategy(created, Settings(maxOrdersPerDay: 50), Noon.AddMinutes(2)));
        Assert.Equal(5, Store.FindStrategy(Tenant, created.Id)!.Settings.MaxOrdersPerDay);
    }

    [Fact]
    public void StrategyNameTaken_IsPerTenant()
    {
        Store.InsertStrategy(Tenant, "core", Settings(), Noon);

        Assert.True(Store.StrategyNameTaken(Tenant, "core"));
        Assert.False(Store.StrategyNameTaken(Tenant, "swing"));
        Assert.False(Store.StrategyNameTaken(OtherTenant, "core"));
    }

    [Fact]
    public void ListStrategies_ById()
    {
        Store.InsertStrategy(Tenant, "zeta", Settings(), Noon);
        Store.InsertStrategy(Tenant, "alpha", Settings(), Noon);

        Assert.Equal(["zeta", "alpha"], Store.ListStrategies(Tenant).Select(s => s.Name));
    }

    private static void AssertSameSettings(StrategySettings expected, StrategySettings actual)
    {
        Assert.Equal(
            (expected.MaxDrawdownPercent, expected.StopLossPercent, expected.MaxPositionSizePercent, expected.MaxOrdersPerDay,
                expected.MaxNotionalPerDay, expected.MaxLossPerDay, expected.LiveEnabled, expected.MaxNotionalPerOrder),
            (actual.MaxDrawdownPercent, actual.StopLossPercent, actual.MaxPositionSizePercent, actual.MaxOrdersPerDay,
                actual.MaxNotionalPerDay, actual.MaxLossPerDay, actual.LiveEnabled, actual.MaxNotionalPerOrder));
        Assert.Equal(
            (expected.ValidationTtlMinutes, expected.PriceCollarPercent, expected.SlippageWarningPercent, expected.MaxSlippagePercent,
                expected.SendTimeMaxDataAgeSeconds, expected.StopLimitOffsetPercent, expected.OnProtectionFailure),
            (actual.ValidationTtlMinutes, actual.PriceCollarPercent, actual.SlippageWarningPercent, actual.MaxSlippagePercent,
                actual.SendTimeMaxDataAgeSeconds, actual.StopLimitOffsetPercent, actual.OnProtectionFailure));
        Assert.Equal(expected.AllowedSymbols, actual.AllowedSymbols);
        Assert.Equal(expected.AllowedOrderTypes, actual.AllowedOrderTypes);
        Assert.Equal(expected.AllowedPlanKinds, actual.AllowedPlanKinds);
    }
}
