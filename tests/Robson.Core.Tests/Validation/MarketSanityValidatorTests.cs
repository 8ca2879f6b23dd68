using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>Book 49 999.99 / 50 000.01 (1 BTC each, mid 50 000), collar 5 %, slippage warning above 0.5 %.</summary>
public sealed class MarketSanityValidatorTests
{
    private static List<ValidationIssue> Validate(ValidationContext context) => new MarketSanityValidator().Validate(context).ToList();

    private static List<ValidationIssue> Validate(PlanLeg leg, OrderBook? book = null, Func<StrategySettings, StrategySettings>? change = null) =>
        Validate(ValidationContexts.For(Plan(leg), Strategy((change ?? (s => s))(LiveSettings())), book: book));

    private static ValidationIssue Single(List<ValidationIssue> issues, string code, IssueSeverity severity = IssueSeverity.Failure)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(severity, issue.Severity);
        return issue;
    }

    private static PlanLeg LimitSell(decimal quantity, decimal price) => new(BtcUsdt, OrderSide.Sell, OrderType.Limit, quantity, price, null);

    private static PlanLeg MarketSell(decimal quantity) => new(BtcUsdt, OrderSide.Sell, OrderType.Market, quantity, null, null);

    [Theory]
    [InlineData("52500")]    // exactly 5 % above the mid
    [InlineData("47500")]    // exactly 5 % below
    [InlineData("52499.99")] // one tick inside
    [InlineData("47500.01")]
    public void Validate_LimitWithinCollar_RaisesNothing(string price)
    {
        Assert.Empty(Validate(LimitBuy(0.001m, D(price))));
        Assert.Empty(Validate(LimitSell(0.001m, D(price))));
    }

    [Theory]
    [InlineData("52500.01")] // one tick beyond the collar
    [InlineData("47499.99")]
    public void Validate_LimitOneTickBeyondCollar_FailsPriceCollar(string price)
    {
        var issue = Single(Validate(LimitBuy(0.001m, D(price))), ValidationCodes.PriceCollar);

        Assert.Equal(price, issue.Details["price"]);
        Assert.Equal("50000", issue.Details["mid"]);
        Assert.Equal("5", issue.Details["collar_percent"]);
    }

    [Theory]
    [InlineData("50500", true)]
    [InlineData("50500.01", false)]
    public void Validate_StrategyCollarOfOnePercent_IsTheBound(string price, bool passes)
    {
        var issues = Validate(LimitBuy(0.001m, D(price)), change: s => s with { PriceCollarPercent = 1m });

        if (passes) Assert.Empty(issues);
        else Assert.Equal("1", Single(issues, ValidationCodes.PriceCollar).Details["collar_percent"]);
    }

    [Theory]
    [InlineData(30, true)]  // at the maximum age
    [InlineData(31, false)] // one second beyond
    public void Validate_BookAge_StaleBeyondThirtySeconds(int ageSeconds, bool fresh)
    {
        var book = ValidationContexts.BookAround(50_000m) with { AsOf = Now.AddSeconds(-ageSeconds) };

        var issues = Validate(LimitBuy(), book);

        if (fresh) Assert.Empty(issues);
        else Assert.Equal(Now.AddSeconds(-ageSeconds).ToString("O"), Single(issues, ValidationCodes.MarketDataStale).Details["book_as_of"]);
    }

    [Fact]
    public void Validate_MissingBook_FailsMarketDataStale()
    {
        var context = ValidationContexts.For(Plan(MarketBuy())) with { Books = new Dictionary<Symbol, OrderBook>() };

        Assert.Equal("none", Single(Validate(context), ValidationCodes.MarketDataStale).Details["book_as_of"]);
    }

    [Fact]
    public void Validate_BookWithoutBids_FailsMarketDataStale()
    {
        Single(Validate(MarketBuy(), new OrderBook([], [new BookLevel(50_000m, 1m)], Now)), ValidationCodes.MarketDataStale);
    }

    [Theory]
    [InlineData("1", true)]        // the whole touch
    [InlineData("1.00001", false)] // one step more than the book holds
    public void Validate_MarketOrderBeyondDepth_FailsInsufficientDepth(string quantity, bool passes)
    {
        foreach (var leg in new[] { MarketBuy(D(quantity)), MarketSell(D(quantity)) })
        {
            var issues = Validate(leg);

            if (passes) Assert.Empty(issues);
            else Assert.Equal("1", Single(issues, ValidationCodes.InsufficientDepth).Details["fillable_quantity"]);
        }
    }

    [Fact]
    public void Validate_LimitOrderBeyondDepth_RaisesNothing()
    {
        Assert.Empty(Validate(LimitBuy(5m, 50_000m)));
    }

    /// <summary>Slippage at exactly 0.5 % (touch 250 from a 50 000 mid) passes; one cent more warns.</summary>
    [Theory]
    [InlineData(OrderSide.Buy, "49750", "50250", null)]
    [InlineData(OrderSide.Sell, "49750", "50250", null)]
    [InlineData(OrderSide.Buy, "49749.99", "50250.01", "0.50002")]
    [InlineData(OrderSide.Sell, "49749.99", "50250.01", "0.50002")]
    public void Validate_MarketSlippage_WarnsOnlyAboveThreshold(OrderSide side, string bid, string ask, string? slippage)
    {
        var book = new OrderBook([new BookLevel(D(bid), 10m)], [new BookLevel(D(ask), 10m)], Now);
        var leg = side == OrderSide.Buy ? MarketBuy(0.1m) : MarketSell(0.1m);

        var issues = Validate(leg, book);

        if (slippage is null) { Assert.Empty(issues); return; }
        var issue = Single(issues, ValidationCodes.HighSlippage, IssueSeverity.Warning);
        Assert.Equal(slippage, issue.Details["slippage_percent"]);
        Assert.Equal("0.5", issue.Details["threshold_percent"]);
    }

    [Fact]
    public void Validate_LimitOrderFarFromTouch_NeverWarnsSlippage()
    {
        var book = new OrderBook([new BookLevel(49_000m, 10m)], [new BookLevel(51_000m, 10m)], Now);

        Assert.Empty(Validate(LimitBuy(0.1m, 51_000m), book));
    }

    [Theory]
    [InlineData("49999.99", true)]
    [InlineData("50000", true)]      // exactly 100
    [InlineData("50000.01", false)]  // 100.00002
    public void Validate_LimitNotionalAgainstMaxPerOrderOf100_FailsOnlyAbove(string price, bool passes)
    {
        var issues = Validate(LimitBuy(0.002m, D(price)), change: s => s with { MaxNotionalPerOrder = 100m });

        if (passes) Assert.Empty(issues);
        else Assert.Equal("100.00002", Single(issues, ValidationCodes.MaxNotionalPerOrder).Details["notional"]);
    }

    [Theory]
    [InlineData("100.00002", true)]  // the expected fill at the ask is exactly the max
    [InlineData("100.00001", false)]
    public void Validate_MarketNotionalIsTheExpectedFill(string max, bool passes)
    {
        var issues = Validate(MarketBuy(0.002m), change: s => s with { MaxNotionalPerOrder = D(max) });

        if (passes) Assert.Empty(issues);
        else Assert.Equal(max, Single(issues, ValidationCodes.MaxNotionalPerOrder).Details["max_notional_per_order"]);
    }

    [Fact]
    public void Validate_SymbolNotListed_IsLeftToSymbolRules()
    {
        Assert.Empty(Validate(ValidationContexts.WithoutMarket(Plan(MarketBuy()))));
    }
}
