using Robson.Core.Domain;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>The market-dependent rules run again at send time: failures only, each leg under its number in the plan.</summary>
public sealed class MarketConditionsTests
{
    [Fact]
    public void Failures_MarketMovedPastTheCollar_ReportsPriceCollar()
    {
        var context = ValidationContexts.For(Plan(LimitBuy(0.001m, 50_000m)), book: ValidationContexts.BookAround(60_000m));

        Assert.Contains(MarketConditions.Failures(context), f => f.Code == ValidationCodes.PriceCollar);
    }

    [Fact]
    public void Failures_WarningsNeverBlock()
    {
        var context = ValidationContexts.For(Plan(LimitBuy() with { StopLoss = 48_000m })) with { Account = null }; // ACCOUNT_UNAVAILABLE is a warning

        Assert.Empty(MarketConditions.Failures(context));
    }

    [Fact]
    public void Failures_StaleBook_AtTheSendTimeAge_ReportsMarketDataStale()
    {
        var context = ValidationContexts.For(Plan(LimitBuy()), book: ValidationContexts.BookAround(50_000m) with { AsOf = Now.AddSeconds(-6) })
            with { MaxMarketDataAge = TimeSpan.FromSeconds(5) };

        Assert.Contains(MarketConditions.Failures(context), f => f.Code == ValidationCodes.MarketDataStale);
    }

    [Fact]
    public void FailuresOfLeg_ChecksThatLegAlone_AndNumbersItAsInThePlan()
    {
        var context = ValidationContexts.For(Plan(LimitBuy(0.001m, 50_000m) with { StopLoss = 48_000m }, LimitBuy(0.001m, 40_000m) with { StopLoss = 38_500m }));

        var failures = MarketConditions.FailuresOfLeg(context, 1);

        var collar = Assert.Single(failures, f => f.Code == ValidationCodes.PriceCollar);
        Assert.Equal("2", collar.Details["leg"]);
        Assert.Empty(MarketConditions.FailuresOfLeg(context, 0));
    }

    [Fact]
    public void Failures_SlippageAboveMaxSlippage_Fails()
    {
        var context = ValidationContexts.For(Plan(MarketBuy()), Strategy(LiveSettings() with { MaxSlippagePercent = 1m }),
            book: new Robson.Core.Market.OrderBook([new(49_000m, 1m)], [new(51_000m, 1m)], Now));

        Assert.Contains(MarketConditions.Failures(context), f => f.Code == ValidationCodes.MaxSlippageExceeded);
    }

    [Fact]
    public void Failures_AtLiveWithoutTheAccount_FailClosed_WithAccountUnavailable()
    {
        var context = ValidationContexts.For(Plan(LimitBuy() with { StopLoss = 48_000m })) with { Account = null };

        Assert.Empty(MarketConditions.Failures(context));
        Assert.Equal(ValidationCodes.AccountUnavailable, Assert.Single(MarketConditions.Failures(context, requireAccount: true)).Code);
        Assert.Equal(ValidationCodes.AccountUnavailable, Assert.Single(MarketConditions.FailuresOfLeg(context, 0)).Code);
    }

    [Fact]
    public void FailuresOfLeg_AboveTheVenuesMaximumNotional_ReportsMaxNotionalFilter_NotMinNotional()
    {
        // 0.001 × 50 000 = 50 USDT against NOTIONAL's maxNotional of 40: the send-time check runs the same SymbolRules rule.
        var rules = ValidationContexts.BtcUsdtRulesWith(new Robson.Core.Market.NotionalFilter(5m, true, 40m, true, 5));
        var context = ValidationContexts.For(Plan(LimitBuy(0.001m, 50_000m) with { StopLoss = 48_000m }), rules: rules);

        var failure = Assert.Single(MarketConditions.FailuresOfLeg(context, 0), f => f.Code is ValidationCodes.MaxNotionalFilter or ValidationCodes.MinNotional);
        Assert.Equal(ValidationCodes.MaxNotionalFilter, failure.Code);
        Assert.Equal("40", failure.Details["max_notional"]);
    }
}
