using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>stop_loss_percent 5, tick 0.01, fee 0.1 %, equity 10 000 USDT; entries are limit prices unless stated.</summary>
public sealed class StopLossValidatorTests
{
    private static List<ValidationIssue> Validate(PlanLeg leg, Func<StrategySettings, StrategySettings>? change = null, decimal lossToday = 0m) =>
        Validate(Plan(leg), change, lossToday);

    private static List<ValidationIssue> Validate(Plan plan, Func<StrategySettings, StrategySettings>? change = null, decimal lossToday = 0m)
    {
        var context = ValidationContexts.For(plan, Strategy((change ?? (s => s))(LiveSettings()))) with { Today = new DailyUsage(0, 0m, -lossToday) };
        return new StopLossValidator().Validate(context).ToList();
    }

    private static PlanLeg BuyWithStop(decimal quantity, decimal entry, decimal? stop) => LimitBuy(quantity, entry) with { StopLoss = stop };

    private static ValidationIssue SingleFailure(List<ValidationIssue> issues, string code)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        return issue;
    }

    [Theory]
    [InlineData("50000", "47500")]
    [InlineData("50000.01", "47500.01")] // 47 500.0095 rounded up to the tick
    [InlineData("50000.11", "47500.11")] // 47 500.1045: up, not to the nearest tick (47 500.10)
    public void Validate_BuyWithoutStopLoss_FailsRequiredSuggestingEntryLessPercentRoundedUpToTick(string entry, string suggested)
    {
        var issue = SingleFailure(Validate(BuyWithStop(0.001m, D(entry), null)), ValidationCodes.StopLossRequired);

        Assert.Equal(suggested, issue.Details["suggested_stop_loss"]);
        Assert.Equal(entry, issue.Details["entry"]);
        Assert.Equal("5", issue.Details["stop_loss_percent"]);
    }

    [Theory]
    [InlineData("50000.01")]
    [InlineData("50000.11")]
    [InlineData("12345.67")]
    public void Validate_SuggestedStopLoss_PassesWhenUsed(string entry)
    {
        var suggested = D(SingleFailure(Validate(BuyWithStop(0.001m, D(entry), null)), ValidationCodes.StopLossRequired).Details["suggested_stop_loss"]);

        Assert.Empty(Validate(BuyWithStop(0.001m, D(entry), suggested)));
    }

    [Fact]
    public void Validate_MarketBuyWithoutStopLoss_SuggestsFromTheExpectedFill()
    {
        var issue = SingleFailure(Validate(MarketBuy()), ValidationCodes.StopLossRequired);

        Assert.Equal("50000.01", issue.Details["entry"]); // the ask
        Assert.Equal("47500.01", issue.Details["suggested_stop_loss"]);
    }

    [Theory]
    [InlineData("50000")]    // at the entry
    [InlineData("50000.01")] // above it
    public void Validate_StopLossAtOrAboveEntry_FailsInvalid(string stop)
    {
        var issue = SingleFailure(Validate(BuyWithStop(0.001m, 50_000m, D(stop))), ValidationCodes.StopLossInvalid);

        Assert.Equal(stop, issue.Details["stop_loss"]);
        Assert.Equal("47500", issue.Details["suggested_stop_loss"]);
    }

    [Theory]
    [InlineData("49999.99", true)] // one tick below the entry
    [InlineData("47500.01", true)] // one tick inside 5 %
    [InlineData("47500", true)]    // exactly 5 %
    [InlineData("47499.99", false)] // one tick beyond
    public void Validate_StopLossDistance_AtMostStopLossPercent(string stop, bool passes)
    {
        var issues = Validate(BuyWithStop(0.001m, 50_000m, D(stop)));

        if (passes) Assert.Empty(issues);
        else Assert.Equal("47500", SingleFailure(issues, ValidationCodes.StopLossInvalid).Details["suggested_stop_loss"]);
    }

    /// <summary>0.1 BTC from 50 000 to 47 500: 250 price loss + 97.5 × 0.1 fees = 259.75; max_loss_per_day 500.</summary>
    [Theory]
    [InlineData("240.24", true)]
    [InlineData("240.25", true)]  // 500 − 240.25 = 259.75: exactly the loss at the stop
    [InlineData("240.26", false)] // one cent less room (the price loss alone, 250, would still fit)
    public void Validate_LossAtStopWithFees_FitsWhatMaxLossPerDayStillAllows(string lossToday, bool passes)
    {
        var issues = Validate(BuyWithStop(0.1m, 50_000m, 47_500m), s => s with { MaxPositionSizePercent = null }, D(lossToday));

        if (passes) { Assert.Empty(issues); return; }
        var issue = SingleFailure(issues, ValidationCodes.StopLossRiskExceeded);
        Assert.Equal("259.75", issue.Details["loss_at_stop"]);
        Assert.Equal("500", issue.Details["max_loss_per_day"]);
        Assert.Equal(lossToday, issue.Details["loss_today"]);
    }

    /// <summary>Equity 10 000 × max position 25 % × stop 5 % = 125 may be lost at the stop; 2 500 per BTC is lost here.</summary>
    [Theory]
    [InlineData("0.04999", true)]
    [InlineData("0.05", true)]     // exactly 125
    [InlineData("0.05001", false)] // 125.025
    public void Validate_LossAtStop_FitsEquityTimesMaxPositionTimesStopPercent(string quantity, bool passes)
    {
        var issues = Validate(BuyWithStop(D(quantity), 50_000m, 47_500m), s => s with { MaxLossPerDay = null });

        if (passes) { Assert.Empty(issues); return; }
        var issue = SingleFailure(issues, ValidationCodes.StopLossRiskExceeded);
        Assert.Equal("125.025", issue.Details["loss_at_stop"]);
        Assert.Equal("125", issue.Details["allowed_loss"]);
    }

    [Fact]
    public void Validate_RebalancePlan_IsNotChecked()
    {
        var plan = Plan(MarketBuy(1m), BuyWithStop(0.001m, 50_000m, 1m)) with { Kind = PlanKind.Rebalance };

        Assert.Empty(Validate(plan));
    }

    [Fact]
    public void Validate_Sell_IsNotChecked()
    {
        Assert.Empty(Validate(new PlanLeg(BtcUsdt, OrderSide.Sell, OrderType.Limit, 1m, 50_000m, null)));
    }

    [Fact]
    public void Validate_StrategyWithoutStopLossPercent_IsNotChecked()
    {
        Assert.Empty(Validate(BuyWithStop(0.001m, 50_000m, null), s => s with { StopLossPercent = null }));
    }
}
