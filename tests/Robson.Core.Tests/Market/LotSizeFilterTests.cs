using Robson.Core.Market;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Market;

/// <summary>BTCUSDT's LOT_SIZE (min 0.00001, max 9 000, step 0.00001) and MARKET_LOT_SIZE (min 0, max 100, step 0).</summary>
public sealed class LotSizeFilterTests
{
    private static readonly LotSizeFilter Lot = new(false, 0.00001m, 9_000m, 0.00001m);
    private static readonly LotSizeFilter MarketLot = new(true, 0m, 100m, 0m);

    [Fact]
    public void Type_NamesTheBinanceFilter()
    {
        Assert.Equal("LOT_SIZE", Lot.Type);
        Assert.Equal("MARKET_LOT_SIZE", MarketLot.Type);
    }

    [Theory]
    [InlineData("0.00001", true)]     // at the minimum
    [InlineData("0.00002", true)]     // one step inside
    [InlineData("0", false)]          // one step below the minimum
    [InlineData("0.000015", false)]   // off step
    [InlineData("8999.99999", true)]  // one step inside the maximum
    [InlineData("9000", true)]        // at the maximum
    [InlineData("9000.00001", false)] // one step above it
    public void IsValid_WithinBoundsOnStep(string quantity, bool valid)
    {
        Assert.Equal(valid, Lot.IsValid(D(quantity)));
    }

    [Theory]
    [InlineData("0.000015", "0.00001", "0.00002")]
    [InlineData("1.234565", "1.23456", "1.23457")]
    [InlineData("0.00001", "0.00001", "0.00001")]       // on step: itself both ways
    [InlineData("8999.999995", "8999.99999", "9000")]
    [InlineData("0.000009", null, "0.00001")]           // below the minimum: nothing below
    [InlineData("9000.000005", "9000", null)]           // above the maximum: nothing above
    [InlineData("12345", "9000", null)]
    public void Nearest_NamesTheValidQuantitiesAroundTheRequest(string quantity, string? below, string? above)
    {
        var (b, a) = Lot.Nearest(D(quantity));

        Assert.Equal(below is null ? null : D(below), b);
        Assert.Equal(above is null ? null : D(above), a);
    }

    [Theory]
    [InlineData("0.123456789", "0.123456789")] // step 0: any precision
    [InlineData("100", "100")]
    [InlineData("100.5", "100")]
    public void Suggest_WithoutStep_CapsAtTheMaximumOnly(string quantity, string suggested)
    {
        Assert.Equal(D(suggested), MarketLot.Suggest(D(quantity)));
    }

    [Theory]
    [InlineData("0.000009", null)]
    [InlineData("0.00001", "0.00001")]
    [InlineData("123.456789", "123.45678")] // rounded down, never up
    [InlineData("1000000", "9000")]
    public void Suggest_IsTheLargestValidQuantityNotAboveTheRequest(string quantity, string? suggested)
    {
        Assert.Equal(suggested is null ? null : D(suggested), Lot.Suggest(D(quantity)));
    }
}
