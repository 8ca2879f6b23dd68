using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>
/// Each exchangeInfo filter of Binance's BTCUSDT, alone on the symbol, against orders at, one tick/step inside
/// and one tick/step outside its bounds. Book: 1 000 BTC at 49 999.99 / 50 000.01 (mid 50 000), so a market
/// order's expected fill is the touch.
/// </summary>
public sealed partial class SymbolFilterTableTests
{
    private static readonly PriceFilter Price = new(0.01m, 1_000_000m, 0.01m);
    private static readonly LotSizeFilter Lot = new(false, 0.00001m, 9_000m, 0.00001m);
    private static readonly LotSizeFilter MarketLot = new(true, 0m, 100m, 0m);
    private static readonly NotionalFilter Notional = new(5m, true, 9_000_000m, false, 5);
    private static readonly PercentPriceBySideFilter PercentBySide = new(5m, 0.2m, 5m, 0.2m, 5);
    private static readonly PercentPriceFilter Percent = new(5m, 0.2m, 5);
    private static readonly SymbolFilter[] BtcUsdtFilters = [Price, Lot, MarketLot, Notional, PercentBySide, Percent];

    private static OrderBook Touch(decimal bid, decimal ask) => new([new BookLevel(bid, 1_000m)], [new BookLevel(ask, 1_000m)], Now);

    private static PlanLeg Limit(OrderSide side, string quantity, string price) => new(BtcUsdt, side, OrderType.Limit, D(quantity), D(price), null);

    private static PlanLeg Market(OrderSide side, string quantity) => new(BtcUsdt, side, OrderType.Market, D(quantity), null, null);

    private static List<ValidationIssue> Validate(SymbolFilter filter, PlanLeg leg, OrderBook? book = null) => Validate([filter], leg, book);

    private static List<ValidationIssue> Validate(SymbolFilter[] filters, PlanLeg leg, OrderBook? book = null, string status = "TRADING")
    {
        var rules = new SymbolRules(BtcUsdt, status, "BTC", "USDT", filters);
        var context = ValidationContexts.For(Plan(leg), rules: rules, book: book ?? Touch(49_999.99m, 50_000.01m));
        return new SymbolRulesValidator().Validate(context).ToList();
    }

    private static ValidationIssue SingleFailure(List<ValidationIssue> issues, string code)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        Assert.Equal("1", issue.Details["leg"]);
        return issue;
    }

    [Theory]
    [InlineData("0.01")]       // at the minimum
    [InlineData("0.02")]       // one tick inside
    [InlineData("999999.99")]  // one tick inside the maximum
    [InlineData("1000000")]    // at the maximum
    public void PriceFilter_OnTickWithinBounds_Passes(string price) =>
        Assert.Empty(Validate(Price, Limit(OrderSide.Buy, "1", price)));

    [Theory]
    [InlineData("0", "min_price", "0.01")]            // one tick below the minimum
    [InlineData("1000000.01", "max_price", "1000000")] // one tick above the maximum
    public void PriceFilter_OneTickOutsideBounds_FailsNamingTheBound(string price, string key, string bound)
    {
        var issue = SingleFailure(Validate(Price, Limit(OrderSide.Sell, "1", price)), ValidationCodes.PriceFilter);

        Assert.Equal(price, issue.Details["price"]);
        Assert.Equal(bound, issue.Details[key]);
    }

    [Theory]
    [InlineData("50000.005", "50000", "50000.01")]
    [InlineData("50000.019", "50000.01", "50000.02")]
    [InlineData("0.011", "0.01", "0.02")]
    public void PriceFilter_OffTick_FailsNamingNearestValidPrices(string price, string below, string above)
    {
        var issue = SingleFailure(Validate(Price, Limit(OrderSide.Buy, "1", price)), ValidationCodes.PriceFilter);

        Assert.Equal("0.01", issue.Details["tick_size"]);
        Assert.Equal(below, issue.Details["valid_below"]);
        Assert.Equal(above, issue.Details["valid_above"]);
    }

    [Theory]
    [InlineData("0.025", null)]     // min 0.015 + one tick
    [InlineData("0.02", "0.015")]   // a multiple of the tick, but not counted from the minimum
    public void PriceFilter_TicksCountFromTheMinimum(string price, string? validBelow)
    {
        var issues = Validate(new PriceFilter(0.015m, 1_000m, 0.01m), Limit(OrderSide.Buy, "1", price));

        if (validBelow is null) Assert.Empty(issues);
        else Assert.Equal(validBelow, SingleFailure(issues, ValidationCodes.PriceFilter).Details["valid_below"]);
    }

    [Theory]
    [InlineData("0", "0", "0.01", "123456789.01")]    // no minimum, no maximum
    [InlineData("0.01", "1000000", "0", "50000.005")] // no tick
    public void PriceFilter_ZeroDisablesThatPart(string min, string max, string tick, string price) =>
        Assert.Empty(Validate(new PriceFilter(D(min), D(max), D(tick)), Limit(OrderSide.Buy, "1", price)));

    [Fact]
    public void PriceFilter_MarketOrder_IsNotChecked() =>
        Assert.Empty(Validate(new PriceFilter(60_000m, 70_000m, 0.01m), Market(OrderSide.Buy, "1")));

    [Theory]
    [InlineData("0.00001")]    // at the minimum
    [InlineData("0.00002")]    // one step inside
    [InlineData("8999.99999")] // one step inside the maximum
    [InlineData("9000")]       // at the maximum
    public void LotSize_OnStepWithinBounds_PassesForLimitAndMarket(string quantity)
    {
        Assert.Empty(Validate(Lot, Limit(OrderSide.Buy, quantity, "50000")));
        Assert.Empty(Validate(Lot, Market(OrderSide.Sell, quantity)));
    }

    [Theory]
    [InlineData("0", "min_qty", "0.00001")]          // one step below the minimum
    [InlineData("0.000009", "min_qty", "0.00001")]
    [InlineData("9000.00001", "max_qty", "9000")]   // one step above the maximum
    public void LotSize_OneStepOutsideBounds_FailsForLimitAndMarket(string quantity, string key, string bound)
    {
        foreach (var leg in new[] { Limit(OrderSide.Buy, quantity, "50000"), Market(OrderSide.Buy, quantity) })
            Assert.Equal(bound, SingleFailure(Validate(Lot, leg), ValidationCodes.LotSize).Details[key]);
    }

    [Theory]
    [InlineData("0.000015", "0.00001", "0.00002")]
    [InlineData("1.234565", "1.23456", "1.23457")]
    [InlineData("8999.999995", "8999.99999", "9000")]
    public void LotSize_OffStep_FailsNamingNearestValidQuantities(string quantity, string below, string above)
    {
        var issue = SingleFailure(Validate(Lot, Market(OrderSide.Buy, quantity)), ValidationCodes.LotSize);

        Assert.Equal("0.00001", issue.Details["step_size"]);
        Assert.Equal(below, issue.Details["valid_below"]);
        Assert.Equal(above, issue.Details["valid_above"]);
    }

    [Theory]
    [InlineData("0.25", null)]     // min 0.15 + one step
    [InlineData("0.2", "0.15")]    // a multiple of the step, but not counted from the minimum
    public void LotSize_StepsCountFromTheMinimum(string quantity, string? validBelow)
    {
        var issues = Validate(new LotSizeFilter(false, 0.15m, 100m, 0.1m), Limit(OrderSide.Buy, quantity, "50000"));

        if (validBelow is null) Assert.Empty(issues);
        else Assert.Equal(validBelow, SingleFailure(issues, ValidationCodes.LotSize).Details["valid_below"]);
    }

    [Theory]
    [InlineData("100")]          // at the maximum
    [InlineData("99.99999")]     // just inside
    [InlineData("0.123456789")]  // step 0: any precision
    public void MarketLotSize_WithinMaximum_PassesMarketOrders(string quantity)
    {
        Assert.Empty(Validate(MarketLot, Market(OrderSide.Buy, quantity)));
        Assert.Empty(Validate(MarketLot, Market(OrderSide.Sell, quantity)));
    }

    [Theory]
    [InlineData(OrderSide.Buy)]
    [InlineData(OrderSide.Sell)]
    public void MarketLotSize_AboveMaximum_FailsMarketOrder(OrderSide side)
    {
        var issue = SingleFailure(Validate(MarketLot, Market(side, "100.00001")), ValidationCodes.MarketLotSize);

        Assert.Equal("100", issue.Details["max_qty"]);
    }

    [Fact]
    public void MarketLotSize_LimitOrder_IsNotChecked() =>
        Assert.Empty(Validate(MarketLot, Limit(OrderSide.Buy, "100.00001", "50000")));

    [Fact]
    public void MarketLotSize_WithAStep_FailsOffStepMarketOrderNamingNearestValidQuantities()
    {
        var issue = SingleFailure(Validate(new LotSizeFilter(true, 0.001m, 100m, 0.001m), Market(OrderSide.Buy, "0.0015")), ValidationCodes.MarketLotSize);

        Assert.Equal("0.001", issue.Details["valid_below"]);
        Assert.Equal("0.002", issue.Details["valid_above"]);
    }
}
