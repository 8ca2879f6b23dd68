using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>BTCUSDT-like rules: tick 0.01, step 0.00001, min qty 0.00001, min notional 5; book mid 50 000.</summary>
public sealed class SymbolRulesValidatorTests
{
    private static List<ValidationIssue> Validate(ValidationContext context) => new SymbolRulesValidator().Validate(context).ToList();

    private static List<ValidationIssue> Validate(params PlanLeg[] legs) => Validate(ValidationContexts.For(legs));

    [Fact]
    public void Validate_OnTickOnStepAboveMinNotional_RaisesNothing()
    {
        Assert.Empty(Validate(LimitBuy(0.001m, 50_000.01m)));
    }

    [Fact]
    public void Validate_PriceOffTick_FailsPriceFilterNamingNearestValidPrices()
    {
        var issue = Assert.Single(Validate(LimitBuy(0.001m, 50_000.005m)));

        Assert.Equal(ValidationCodes.PriceFilter, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        Assert.Equal("50000", issue.Details["valid_below"]);
        Assert.Equal("50000.01", issue.Details["valid_above"]);
    }

    [Theory]
    [InlineData("0.001")]      // below the min price (and off tick)
    [InlineData("1000000.01")] // above the max price
    public void Validate_PriceOutsideRange_FailsPriceFilter(string price)
    {
        var issues = Validate(LimitBuy(1m, D(price)));

        Assert.Contains(issues, i => i.Code == ValidationCodes.PriceFilter);
    }

    [Fact]
    public void Validate_QuantityOffStep_FailsLotSizeNamingNearestValidQuantities()
    {
        var issue = Assert.Single(Validate(LimitBuy(0.001555m, 50_000m)));

        Assert.Equal(ValidationCodes.LotSize, issue.Code);
        Assert.Equal("0.00155", issue.Details["valid_below"]);
        Assert.Equal("0.00156", issue.Details["valid_above"]);
    }

    [Theory]
    [InlineData("0.000009")]   // below the min qty (and off step)
    [InlineData("9000.00001")] // above the max qty
    public void Validate_QuantityOutsideRange_FailsLotSize(string quantity)
    {
        Assert.Contains(Validate(LimitBuy(D(quantity), 50_000m)), i => i.Code == ValidationCodes.LotSize);
    }

    [Fact]
    public void Validate_MinimumQuantity_PassesLotSize()
    {
        Assert.DoesNotContain(Validate(LimitBuy(0.00001m, 50_000m)), i => i.Code == ValidationCodes.LotSize);
    }

    [Theory]
    [InlineData("50000.01", true)]  // 5.000001: just above
    [InlineData("50000", true)]     // exactly 5
    [InlineData("49999.99", false)] // 4.999999: just below
    public void Validate_LimitNotionalAroundMinimum_FailsOnlyBelowIt(string price, bool passes)
    {
        var issues = Validate(LimitBuy(0.0001m, D(price)));

        Assert.Equal(passes, issues.Count == 0);
        if (!passes)
            Assert.Equal(ValidationCodes.MinNotional, Assert.Single(issues).Code);
    }

    /// <summary>A market buy is valued at its expected fill: the best ask, one cent above the mid.</summary>
    [Theory]
    [InlineData("49999.99", true)]  // fills at 50000: exactly 5
    [InlineData("49999.98", false)] // fills at 49999.99: 4.999999
    public void Validate_MarketNotional_UsesExpectedFillPrice(string mid, bool passes)
    {
        var context = ValidationContexts.For(Plan(MarketBuy(0.0001m)), book: ValidationContexts.BookAround(D(mid)));

        var issues = Validate(context);

        Assert.Equal(passes, issues.Count == 0);
        if (!passes)
            Assert.Equal("49999.99", Assert.Single(issues, i => i.Code == ValidationCodes.MinNotional).Details["price_used"]);
    }

    [Fact]
    public void Validate_MarketOrderWithoutBook_FailsMarketDataStale()
    {
        var context = ValidationContexts.For(Plan(MarketBuy())) with { Books = new Dictionary<Symbol, OrderBook>() };

        Assert.Equal(ValidationCodes.MarketDataStale, Assert.Single(Validate(context)).Code);
    }

    [Fact]
    public void Validate_MarketOrderWithOneSidedBook_FailsMarketDataStale()
    {
        var oneSided = new OrderBook([], [new BookLevel(50_000m, 1m)], Now);
        var context = ValidationContexts.For(Plan(MarketBuy()), book: oneSided);

        Assert.Equal(ValidationCodes.MarketDataStale, Assert.Single(Validate(context)).Code);
    }

    [Fact]
    public void Validate_LimitOrderWithoutBook_UsesLimitPrice()
    {
        var context = ValidationContexts.For(Plan(LimitBuy())) with { Books = new Dictionary<Symbol, OrderBook>() };

        Assert.Empty(Validate(context));
    }

    [Fact]
    public void Validate_SymbolNotListed_FailsSymbolUnknown()
    {
        var issue = Assert.Single(Validate(ValidationContexts.WithoutMarket(Plan())));

        Assert.Equal(ValidationCodes.SymbolUnknown, issue.Code);
        Assert.Equal("BTCUSDT", issue.Details["symbol"]);
    }

    [Fact]
    public void Validate_SymbolInBreak_FailsSymbolNotTrading()
    {
        var issue = Assert.Single(Validate(ValidationContexts.For(Plan(), rules: ValidationContexts.BtcUsdtRules("BREAK"))));

        Assert.Equal(ValidationCodes.SymbolNotTrading, issue.Code);
        Assert.Equal("BREAK", issue.Details["status"]);
    }
}
