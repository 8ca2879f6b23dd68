using System.Reflection;
using System.Text.RegularExpressions;
using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.UseCases;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>The code catalogue is a contract: every code is well-formed, listed once, and some rule produces it.</summary>
public sealed partial class ValidationCodesTests
{
    /// <summary>One scenario per rule, run through every validator of ValidatePlan.</summary>
    private static IEnumerable<ValidationContext> Scenarios()
    {
        ValidationContext With(Func<StrategySettings, StrategySettings> change) =>
            ValidationContexts.For(Plan(), Strategy(change(LiveSettings())));

        yield return ValidationContexts.For(Plan()) with { RequestingClient = OtherClient };
        yield return ValidationContexts.For(Plan() with { Kind = PlanKind.Cancel, Legs = [LimitBuy() with { CancelsOrder = "rbs-gone-1" }] });
        yield return ValidationContexts.For(Plan()) with { Strategy = null };
        yield return With(_ => new StrategySettings());
        yield return With(s => s with { MaxDrawdownPercent = 0m, StopLossPercent = 0m, MaxPositionSizePercent = 0m });
        yield return With(s => s with { MaxDrawdownPercent = 60m, StopLossPercent = 20m, MaxPositionSizePercent = 60m });
        yield return ValidationContexts.For(Plan() with { Legs = [] });
        yield return ValidationContexts.For(LimitBuy() with { Symbol = default });
        yield return ValidationContexts.For(LimitBuy(0m));
        yield return ValidationContexts.For(LimitBuy() with { LimitPrice = null });
        yield return ValidationContexts.WithoutMarket(Plan());
        yield return ValidationContexts.For(Plan(), rules: ValidationContexts.BtcUsdtRules("BREAK"));
        yield return ValidationContexts.For(LimitBuy(0.001m, 50_000.005m));
        yield return ValidationContexts.For(LimitBuy(0.0010005m));
        yield return ValidationContexts.For(LimitBuy(0.00001m));
        yield return ValidationContexts.For(Plan(MarketBuy())) with { Books = new Dictionary<Symbol, OrderBook>() };
        yield return ValidationContexts.For(Plan(MarketBuy(0.5m)), rules: ValidationContexts.BtcUsdtRulesWith(new LotSizeFilter(true, 0m, 0.1m, 0m))); // MARKET_LOT_SIZE
        yield return ValidationContexts.For(Plan(LimitBuy(0.001m, 60_000m)), rules: ValidationContexts.BtcUsdtRulesWith(new PercentPriceFilter(1.1m, 0.9m, 5))); // PERCENT_PRICE
        yield return ValidationContexts.For(Plan(), rules: ValidationContexts.BtcUsdtRulesWith(new UnknownFilter("EXCHANGE_MAX_WIDGETS"))); // UNKNOWN_FILTER
        yield return ValidationContexts.For(Plan(), rules: ValidationContexts.BtcUsdtRulesWith(new NotionalFilter(5m, true, 1m, true, 5))); // MAX_NOTIONAL_FILTER
        yield return ValidationContexts.For(LimitBuy(0.001m, 60_000m)); // 20 % from the mid: PRICE_COLLAR
        yield return ValidationContexts.For(MarketBuy(2m)); // the book holds 1: INSUFFICIENT_DEPTH
        yield return ValidationContexts.For(Plan(MarketBuy()), book: new OrderBook([new BookLevel(49_000m, 1m)], [new BookLevel(51_000m, 1m)], Now)); // 2 %: HIGH_SLIPPAGE
        yield return ValidationContexts.For(Plan(MarketBuy()), Strategy(LiveSettings() with { MaxSlippagePercent = 1m }),
            book: new OrderBook([new BookLevel(49_000m, 1m)], [new BookLevel(51_000m, 1m)], Now)); // 2 % > 1 %: MAX_SLIPPAGE_EXCEEDED
        yield return With(s => s with { MaxNotionalPerOrder = 10m }); // MAX_NOTIONAL_PER_ORDER
        yield return ValidationContexts.For(Plan()) with { Account = null }; // ACCOUNT_UNAVAILABLE
        yield return ValidationContexts.For(LimitBuy(1m, 50_000m)); // 50 050 USDT needed, 10 000 free: INSUFFICIENT_BALANCE
        yield return ValidationContexts.For(LimitBuy(0.001m, 50_000m) with { StopLoss = 47_500m }) with { Today = new DailyUsage(1, 50m, -499.99m) }; // STOP_LOSS_RISK_EXCEEDED
        yield return ValidationContexts.For(Plan() with { Legs = [LimitBuy(0.0001m, 50_000m) with { StopLoss = 47_500m }] }); // stop limit × qty < 5: PROTECTIVE_ORDER_INVALID
        yield return ValidationContexts.For(Plan()) with { PeakEquity = 20_000m }; // MAX_DRAWDOWN_EXCEEDED
        yield return ValidationContexts.For(Plan()) with { TradingStatus = new TradingStatus(TradingState.Halted, "manual halt", Now) }; // TRADING_HALTED
        yield return ValidationContexts.For(Plan()) with { TradingStatus = new TradingStatus(TradingState.Reducing, "reduce only", Now) }; // TRADING_REDUCE_ONLY
        yield return ValidationContexts.For(Plan() with { Legs = [LimitBuy(0.01m)] }); // content changed after hashing: PLAN_TAMPERED
    }

    private static readonly HashSet<string> Produced =
        Scenarios().SelectMany(c => ValidatePlan.Validators.Concat(ValidatePlan.CancelValidators).SelectMany(v => v.Validate(c))).Select(i => i.Code).ToHashSet();

    public static TheoryData<string> ProducibleCodes() => new(ValidationCodes.All);

    [Theory]
    [MemberData(nameof(ProducibleCodes))]
    public void Code_IsProducedBySomeValidatorScenario(string code)
    {
        Assert.Contains(code, Produced);
    }

    [Fact]
    public void EveryCode_IsProducedBySomeValidatorScenario()
    {
        Assert.Empty(ValidationCodes.All.Except(Produced));
    }

    [Fact]
    public void EveryProducedIssue_HasAMessageAndACatalogueCode()
    {
        var issues = Scenarios().SelectMany(c => ValidatePlan.Validators.Concat(ValidatePlan.CancelValidators).SelectMany(v => v.Validate(c))).ToList();

        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message), i.Code));
        Assert.All(issues, i => Assert.Contains(i.Code, ValidationCodes.All));
    }

    [Fact]
    public void All_IsUniqueScreamingSnakeCase()
    {
        Assert.Equal(ValidationCodes.All.Count, ValidationCodes.All.Distinct().Count());
        Assert.All(ValidationCodes.All, code => Assert.Matches(ScreamingSnake(), code));
    }

    [Fact]
    public void All_ListsEveryDeclaredCode()
    {
        var declared = typeof(ValidationCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(declared.Order(StringComparer.Ordinal), ValidationCodes.All.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex ScreamingSnake();
}
