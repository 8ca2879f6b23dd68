using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>
/// PERCENT_PRICE and PERCENT_PRICE_BY_SIDE (BTCUSDT: up 5, down 0.2 on both sides): a limit price within
/// [mid × down, mid × up]; with mid 50 000 the band is 10 000 – 250 000.
/// </summary>
public sealed partial class SymbolFilterTableTests
{
    public static TheoryData<SymbolFilter, OrderSide> BandFilters() => new()
    {
        { Percent, OrderSide.Buy }, { Percent, OrderSide.Sell }, { PercentBySide, OrderSide.Buy }, { PercentBySide, OrderSide.Sell },
    };

    [Theory]
    [MemberData(nameof(BandFilters))]
    public void PercentPrice_AtAndOneTickInsideTheBand_Passes(SymbolFilter filter, OrderSide side)
    {
        foreach (var price in new[] { "10000", "10000.01", "249999.99", "250000" })
            Assert.Empty(Validate(filter, Limit(side, "0.001", price)));
    }

    [Theory]
    [MemberData(nameof(BandFilters))]
    public void PercentPrice_OneTickOutsideTheBand_FailsNamingTheBand(SymbolFilter filter, OrderSide side)
    {
        foreach (var price in new[] { "9999.99", "250000.01" })
        {
            var issue = SingleFailure(Validate(filter, Limit(side, "0.001", price)), ValidationCodes.PercentPrice);

            Assert.Equal(price, issue.Details["price"]);
            Assert.Equal("10000", issue.Details["band_low"]);
            Assert.Equal("250000", issue.Details["band_high"]);
            Assert.Equal("50000", issue.Details["reference_price"]);
        }
    }

    [Theory]
    [MemberData(nameof(BandFilters))]
    public void PercentPrice_MarketOrder_IsNotChecked(SymbolFilter filter, OrderSide side) =>
        Assert.Empty(Validate(filter, Market(side, "0.001"), Touch(1m, 1_000_000m)));

    [Fact]
    public void PercentPrice_WithoutFreshBook_IsLeftToMarketSanity()
    {
        var stale = Touch(49_999.99m, 50_000.01m) with { AsOf = Now.AddSeconds(-31) };

        Assert.Empty(Validate(Percent, Limit(OrderSide.Buy, "0.001", "1000000"), stale));
    }

    /// <summary>Asymmetric multipliers: buys (bid) 0.9 – 1.2 → 45 000 – 60 000; sells (ask) 0.8 – 1.1 → 40 000 – 55 000.</summary>
    [Theory]
    [InlineData(OrderSide.Buy, "60000", null)]
    [InlineData(OrderSide.Buy, "60000.01", "60000")]
    [InlineData(OrderSide.Buy, "45000", null)]
    [InlineData(OrderSide.Buy, "44999.99", "60000")]
    [InlineData(OrderSide.Buy, "42500", "60000")]      // inside the ask band, outside the bid band
    [InlineData(OrderSide.Sell, "55000", null)]
    [InlineData(OrderSide.Sell, "55000.01", "55000")]
    [InlineData(OrderSide.Sell, "57500", "55000")]     // inside the bid band, outside the ask band
    [InlineData(OrderSide.Sell, "40000", null)]
    [InlineData(OrderSide.Sell, "39999.99", "55000")]
    public void PercentPriceBySide_BuysUseBidMultipliersAndSellsAskMultipliers(OrderSide side, string price, string? bandHigh)
    {
        var filter = new PercentPriceBySideFilter(BidMultiplierUp: 1.2m, BidMultiplierDown: 0.9m, AskMultiplierUp: 1.1m, AskMultiplierDown: 0.8m, 5);

        var issues = Validate(filter, Limit(side, "0.001", price));

        if (bandHigh is null) Assert.Empty(issues);
        else Assert.Equal(bandHigh, SingleFailure(issues, ValidationCodes.PercentPrice).Details["band_high"]);
    }
}
