using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>NOTIONAL (BTCUSDT: min 5 applied to market, max 9 000 000 not applied to market) and the older MIN_NOTIONAL.</summary>
public sealed partial class SymbolFilterTableTests
{
    [Theory]
    [InlineData("0.0001", "50000.01", null, null)]            // 5.000001: one tick inside
    [InlineData("0.0001", "50000", null, null)]               // exactly 5
    [InlineData("0.0001", "49999.99", "min_notional", "5")]   // 4.999999: one tick outside: MIN_NOTIONAL
    [InlineData("180", "49999.99", null, null)]               // 8 999 998.2: one tick inside
    [InlineData("180", "50000", null, null)]                  // exactly 9 000 000
    [InlineData("180", "50000.01", "max_notional", "9000000")] // 9 000 001.8: one tick outside: MAX_NOTIONAL_FILTER
    public void Notional_LimitOrder_MustBeWithinMinAndMax(string quantity, string price, string? key, string? bound)
    {
        var issues = Validate(Notional, Limit(OrderSide.Buy, quantity, price));

        if (key is null) { Assert.Empty(issues); return; }
        var issue = SingleFailure(issues, key == "max_notional" ? ValidationCodes.MaxNotionalFilter : ValidationCodes.MinNotional);
        Assert.Equal(bound, issue.Details[key]);
        Assert.Equal(price, issue.Details["price_used"]);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "50000", true)]     // buys fill at the ask
    [InlineData(OrderSide.Buy, "49999.99", false)]
    [InlineData(OrderSide.Sell, "50000", true)]    // sells fill at the bid
    [InlineData(OrderSide.Sell, "49999.99", false)]
    public void Notional_MarketOrder_MinimumAppliesAtTheExpectedFill(OrderSide side, string touch, bool passes)
    {
        var book = side == OrderSide.Buy ? Touch(49_999.9m, D(touch)) : Touch(D(touch), 50_000.1m);

        var issues = Validate(Notional, Market(side, "0.0001"), book);

        if (passes) Assert.Empty(issues);
        else Assert.Equal(touch, SingleFailure(issues, ValidationCodes.MinNotional).Details["price_used"]);
    }

    [Theory]
    [InlineData(false, true)]  // BTCUSDT: applyMaxToMarket false
    [InlineData(true, false)]
    public void Notional_MarketOrderAboveMaximum_FailsOnlyWhenApplyMaxToMarket(bool applyMaxToMarket, bool passes)
    {
        var issues = Validate(Notional with { ApplyMaxToMarket = applyMaxToMarket }, Market(OrderSide.Buy, "200"), Touch(49_999.99m, 50_000m));

        if (passes) Assert.Empty(issues);
        else Assert.Equal("9000000", SingleFailure(issues, ValidationCodes.MaxNotionalFilter).Details["max_notional"]);
    }

    [Fact]
    public void Notional_WithoutApplyMinToMarket_ChecksTheMinimumForLimitOrdersOnly()
    {
        var filter = Notional with { ApplyMinToMarket = false };

        Assert.Empty(Validate(filter, Market(OrderSide.Buy, "0.00001")));
        SingleFailure(Validate(filter, Limit(OrderSide.Buy, "0.00001", "50000")), ValidationCodes.MinNotional);
    }

    [Theory]
    [InlineData(true, "49999.99", false)]
    [InlineData(true, "50000", true)]
    [InlineData(false, "49999.99", true)] // not applied to market orders
    public void MinNotional_MarketOrder_CheckedOnlyWhenApplyToMarket(bool applyToMarket, string ask, bool passes)
    {
        var issues = Validate(new MinNotionalFilter(5m, applyToMarket, 5), Market(OrderSide.Buy, "0.0001"), Touch(49_999.9m, D(ask)));

        if (passes) Assert.Empty(issues);
        else Assert.Equal("5", SingleFailure(issues, ValidationCodes.MinNotional).Details["min_notional"]);
    }

    [Theory]
    [InlineData("50000", true)]
    [InlineData("49999.99", false)]
    public void MinNotional_LimitOrder_AlwaysChecked(string price, bool passes)
    {
        var issues = Validate(new MinNotionalFilter(5m, false, 5), Limit(OrderSide.Sell, "0.0001", price));

        Assert.Equal(passes, issues.Count == 0);
    }
}
