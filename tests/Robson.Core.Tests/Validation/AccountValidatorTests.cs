using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>Fee 0.1 %, BTC marked at the 50 000 mid; balances vary per test.</summary>
public sealed class AccountValidatorTests
{
    private static List<ValidationIssue> Validate(AccountSnapshot? account, decimal? maxPositionPercent, params PlanLeg[] legs)
    {
        var strategy = Strategy(LiveSettings() with { MaxPositionSizePercent = maxPositionPercent });
        return new AccountValidator().Validate(ValidationContexts.For(Plan(legs), strategy) with { Account = account }).ToList();
    }

    private static AccountSnapshot Account(decimal usdt, decimal btc = 0m) => ValidationContexts.Account(usdt, btc);

    private static PlanLeg LimitSell(decimal quantity, decimal price = 50_000m) => new(BtcUsdt, OrderSide.Sell, OrderType.Limit, quantity, price, null);

    private static ValidationIssue SingleFailure(List<ValidationIssue> issues, string code)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        return issue;
    }

    [Theory]
    [InlineData("5005.01", true)]
    [InlineData("5005", true)]     // 0.1 × 50 000 + 0.1 % fee: exactly enough
    [InlineData("5004.99", false)] // one cent short
    public void Validate_LimitBuy_NeedsQuoteForCostPlusFee(string usdt, bool passes)
    {
        var issues = Validate(Account(D(usdt)), null, LimitBuy(0.1m, 50_000m));

        if (passes) { Assert.Empty(issues); return; }
        var issue = SingleFailure(issues, ValidationCodes.InsufficientBalance);
        Assert.Equal("USDT", issue.Details["asset"]);
        Assert.Equal("5005", issue.Details["required"]);
        Assert.Equal(usdt, issue.Details["free"]);
    }

    [Theory]
    [InlineData("5005.001001", true)] // 0.1 at the ask 50 000.01, plus fee
    [InlineData("5005.001", false)]
    public void Validate_MarketBuy_IsCostedAtTheExpectedFill(string usdt, bool passes)
    {
        var issues = Validate(Account(D(usdt)), null, MarketBuy(0.1m));

        if (passes) Assert.Empty(issues);
        else Assert.Equal("5005.001001", SingleFailure(issues, ValidationCodes.InsufficientBalance).Details["required"]);
    }

    [Theory]
    [InlineData("0.1", true)]      // exactly the quantity sold
    [InlineData("0.09999", false)] // one step short
    public void Validate_Sell_NeedsBase(string btc, bool passes)
    {
        var issues = Validate(Account(0m, D(btc)), null, LimitSell(0.1m));

        if (passes) { Assert.Empty(issues); return; }
        var issue = SingleFailure(issues, ValidationCodes.InsufficientBalance);
        Assert.Equal("BTC", issue.Details["asset"]);
        Assert.Equal("0.1", issue.Details["required"]);
        Assert.Equal(btc, issue.Details["free"]);
    }

    /// <summary>Selling 0.1 at 50 000 frees 4 995 USDT after fees; with 10 USDT already free a buy needing 5 005 is exactly covered.</summary>
    [Theory]
    [InlineData("10", true)]
    [InlineData("9.99", false)]
    public void Validate_SellBeforeBuy_FundsTheBuy(string usdt, bool passes)
    {
        var issues = Validate(Account(D(usdt), 0.1m), null, LimitSell(0.1m), LimitBuy(0.1m, 50_000m));

        if (passes) Assert.Empty(issues);
        else Assert.Equal("2", SingleFailure(issues, ValidationCodes.InsufficientBalance).Details["leg"]);
    }

    [Fact]
    public void Validate_BuyBeforeSell_IsNotFundedByTheLaterSell()
    {
        var issues = Validate(Account(10m, 0.1m), null, LimitBuy(0.1m, 50_000m), LimitSell(0.1m));

        Assert.Equal("1", SingleFailure(issues, ValidationCodes.InsufficientBalance).Details["leg"]);
    }

    [Fact]
    public void Validate_TwoBuys_SpendTheSameBalanceOnce()
    {
        var issues = Validate(Account(5005m), null, LimitBuy(0.05m, 50_000m), LimitBuy(0.05m, 50_000m));

        Assert.Empty(issues); // 2 × 2 502.5 = 5 005
        Assert.Equal("2", SingleFailure(Validate(Account(5004.99m), null, LimitBuy(0.05m, 50_000m), LimitBuy(0.05m, 50_000m)), ValidationCodes.InsufficientBalance).Details["leg"]);
    }

    /// <summary>Equity 10 000, max position 25 %: the BTC held after the buy may be worth at most 2 500.</summary>
    [Theory]
    [InlineData("0", "0.04999", null)]
    [InlineData("0", "0.05", null)]              // exactly 2 500
    [InlineData("0", "0.05001", "2500.5")]       // one step beyond
    [InlineData("0.01", "0.04", null)]           // 0.01 held + 0.04 bought: exactly 2 500
    [InlineData("0.01", "0.04001", "2500.5")]
    public void Validate_PositionAfterBuy_WithinMaxPositionPercentOfEquity(string held, string bought, string? positionValue)
    {
        var btc = D(held);
        var issues = Validate(Account(10_000m - btc * 50_000m, btc), 25m, LimitBuy(D(bought), 50_000m));

        if (positionValue is null) { Assert.Empty(issues); return; }
        var issue = SingleFailure(issues, ValidationCodes.MaxPositionExceeded);
        Assert.Equal(positionValue, issue.Details["position_value"]);
        Assert.Equal("2500", issue.Details["max_position_value"]);
        Assert.Equal("10000", issue.Details["equity"]);
        Assert.Equal("BTC", issue.Details["asset"]);
    }

    [Fact]
    public void Validate_SellOfALargePosition_IsNotCheckedAgainstMaxPosition()
    {
        Assert.Empty(Validate(Account(0m, 1m), 25m, LimitSell(0.5m)));
    }

    /// <summary>Without credentials the venue cannot say: reported once, as a warning (the venue refuses what it cannot fund).</summary>
    [Fact]
    public void Validate_WithoutAccount_WarnsAccountUnavailableOnce()
    {
        var issue = Assert.Single(Validate(null, 25m, LimitBuy(), LimitSell(0.1m)));

        Assert.Equal(ValidationCodes.AccountUnavailable, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }
}
