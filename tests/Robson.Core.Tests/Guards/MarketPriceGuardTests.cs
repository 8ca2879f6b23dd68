using Robson.Core.Domain;
using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

public sealed class MarketPriceGuardTests
{
    private static readonly MarketPriceGuard Guard = new();

    [Fact]
    public void Evaluate_EveryMarketLegHasAPrice_Passes() => Assert.True(Guard.Evaluate(GuardContexts.Live()).Passed);

    [Fact]
    public void Evaluate_LiveMarketLegWithoutAMid_FailsWithNoMarketPrice()
    {
        var result = Guard.Evaluate(GuardContexts.Live() with { SymbolsWithoutPrice = ["BTCUSDT"] });

        Assert.False(result.Passed);
        Assert.Contains("[NO_MARKET_PRICE] no market price for BTCUSDT", result.Message);
    }

    [Fact]
    public void Evaluate_DryRunWithoutAMid_WouldBlockLive()
    {
        var result = Guard.Evaluate(GuardContexts.DryRun() with { SymbolsWithoutPrice = ["BTCUSDT"] });

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE: [NO_MARKET_PRICE]", result.Message);
    }

    [Fact]
    public void Evaluate_Cancel_Passes() =>
        Assert.True(Guard.Evaluate(GuardContexts.Live() with
        {
            Plan = GuardContexts.Live().Plan with { Kind = PlanKind.Cancel },
            SymbolsWithoutPrice = ["BTCUSDT"],
        }).Passed);
}
