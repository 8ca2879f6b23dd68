using System.Text.RegularExpressions;
using Robson.Core.Domain;
using Robson.Core.Guards;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed partial class PolicyGuardTests
{
    private readonly PolicyGuard _guard = new();

    [Fact]
    public void Evaluate_LiveWithoutStrategy_Blocks()
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { Strategy = null });

        Assert.False(result.Passed);
        Assert.Equal("Policy", result.Name);
        Assert.Equal("STRATEGY_REQUIRED", result.Details["rules"]);
    }

    [Fact]
    public void Evaluate_DryRunWithoutStrategy_Passes()
    {
        Assert.True(_guard.Evaluate(GuardContexts.DryRun() with { Strategy = null }).Passed);
    }

    [Fact]
    public void Evaluate_LiveWhenStrategyDoesNotEnableLive_Blocks()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { LiveEnabled = false });

        Assert.False(_guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_DryRunWhenStrategyDoesNotEnableLive_Passes()
    {
        var context = GuardContexts.DryRun().WithSettings(s => s with { LiveEnabled = false });

        Assert.True(_guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_LiveAllowedPlan_PassesWithStrategyIdentity()
    {
        var result = _guard.Evaluate(GuardContexts.Live());

        Assert.True(result.Passed);
        Assert.Equal("7", result.Details["strategy_id"]);
        Assert.Equal("1", result.Details["strategy_version"]);
    }

    [Theory]
    [InlineData(ExecutionMode.DryRun)]
    [InlineData(ExecutionMode.Live)]
    public void Evaluate_SymbolNotInAllowedList_Blocks(ExecutionMode mode)
    {
        var context = GuardContexts.Live().WithSettings(s => s with { AllowedSymbols = ["ETHUSDT"] }) with { Mode = mode };

        Assert.False(_guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_SymbolInAllowedList_Passes()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { AllowedSymbols = ["ETHUSDT", "BTCUSDT"] });

        Assert.True(_guard.Evaluate(context).Passed);
    }

    [Theory]
    [InlineData(ExecutionMode.DryRun)]
    [InlineData(ExecutionMode.Live)]
    public void Evaluate_OrderTypeNotAllowed_Blocks(ExecutionMode mode)
    {
        var context = GuardContexts.Live().WithSettings(s => s with { AllowedOrderTypes = [OrderType.Market] }) with { Mode = mode };

        Assert.False(_guard.Evaluate(context).Passed);
    }

    [Theory]
    [InlineData("49.99", true)]   // one step inside
    [InlineData("50", true)]      // at the limit
    [InlineData("50.01", false)]  // one step outside
    public void Evaluate_OrderNotionalAgainstMaxPerOrderOf50_BlocksOnlyAboveMax(string notional, bool passes)
    {
        var context = GuardContexts.Live().WithSettings(s => s with { MaxNotionalPerOrder = 50m }) with
        {
            Exposure = new PlanExposure([D(notional)]),
        };

        Assert.Equal(passes, _guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_SecondLegOverMaxPerOrder_Blocks()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { MaxNotionalPerOrder = 100m }) with
        {
            Plan = Plan(LimitBuy(), LimitBuy(0.003m)),
            Exposure = new PlanExposure([50m, 150m]),
        };

        Assert.False(_guard.Evaluate(context).Passed);
    }

    /// <summary>A LIVE context that breaks exactly one policy rule.</summary>
    public sealed record Refusal(string Rule, GuardContext Context)
    {
        public override string ToString() => Rule;
    }

    public static TheoryData<Refusal> Refusals() => new()
    {
        new Refusal("STRATEGY_REQUIRED", GuardContexts.Live() with { Strategy = null }),
        new Refusal("LIVE_DISABLED", GuardContexts.Live().WithSettings(s => s with { LiveEnabled = false })),
        new Refusal("PLAN_KIND_NOT_ALLOWED", GuardContexts.Live().WithSettings(s => s with { AllowedPlanKinds = [PlanKind.Sell, PlanKind.Rebalance] })),
        new Refusal("SYMBOL_NOT_ALLOWED", GuardContexts.Live().WithSettings(s => s with { AllowedSymbols = ["ETHUSDT"] })),
        new Refusal("ORDER_TYPE_NOT_ALLOWED", GuardContexts.Live().WithSettings(s => s with { AllowedOrderTypes = [OrderType.Market] })),
        new Refusal("MARKET_WITHOUT_NOTIONAL_LIMIT", GuardContexts.Live() with { Plan = Plan(MarketBuy()) }),
        new Refusal("MAX_NOTIONAL_PER_ORDER", GuardContexts.Live().WithSettings(s => s with { MaxNotionalPerOrder = 49.99m })),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Evaluate_EachRefusal_NamesItsRule(Refusal refusal)
    {
        var result = _guard.Evaluate(refusal.Context);

        Assert.False(result.Passed);
        Assert.Equal(refusal.Rule, result.Details["rules"]);
        Assert.StartsWith($"Policy refuses [{refusal.Rule}]", result.Message);
    }

    [Fact]
    public void Evaluate_DryRunMarketOrderWithoutNotionalLimit_Passes()
    {
        Assert.True(_guard.Evaluate(GuardContexts.DryRun() with { Plan = Plan(MarketBuy()) }).Passed);
    }

    [Fact]
    public void Evaluate_LiveMarketOrderWithNotionalLimit_Passes()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { MaxNotionalPerOrder = 100m }) with { Plan = Plan(MarketBuy()) };

        Assert.True(_guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_PlanKindAllowed_Passes()
    {
        Assert.True(_guard.Evaluate(GuardContexts.Live().WithSettings(s => s with { AllowedPlanKinds = [PlanKind.Buy] })).Passed);
    }

    [Fact]
    public void Evaluate_SeveralRefusals_NamesEveryRuleInOneMessage()
    {
        var context = GuardContexts.Live().WithSettings(s => s with
        {
            LiveEnabled = false,
            AllowedPlanKinds = [PlanKind.Sell],
            AllowedSymbols = ["ETHUSDT"],
            AllowedOrderTypes = [OrderType.Limit],
        }) with { Plan = Plan(MarketBuy()) };

        var result = _guard.Evaluate(context);

        Assert.False(result.Passed);
        Assert.Equal("LIVE_DISABLED,PLAN_KIND_NOT_ALLOWED,SYMBOL_NOT_ALLOWED,ORDER_TYPE_NOT_ALLOWED,MARKET_WITHOUT_NOTIONAL_LIMIT", result.Details["rules"]);
        Assert.Matches(RefusalList(), result.Message);
        Assert.Equal(5, result.Message.Split("; ").Length);
    }

    [Fact]
    public void Evaluate_SameRuleOnTwoLegs_ListsTheRuleOnceAndBothReasons()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { AllowedSymbols = ["ETHUSDT"], MaxNotionalPerOrder = 100m }) with
        {
            Plan = Plan(LimitBuy(0.003m), LimitBuy(0.003m)),
            Exposure = new PlanExposure([150m, 150m]),
        };

        var result = _guard.Evaluate(context);

        Assert.Equal("SYMBOL_NOT_ALLOWED,MAX_NOTIONAL_PER_ORDER", result.Details["rules"]);
        Assert.Matches(RefusalList(), result.Message);
        Assert.Equal(4, result.Message.Split("; ").Length);
    }

    /// <summary>"Policy refuses [RULE] reason; [RULE] reason".</summary>
    [GeneratedRegex(@"^Policy refuses \[[A-Z_]+\] [^;\[]+(; \[[A-Z_]+\] [^;\[]+)*$")]
    private static partial Regex RefusalList();
}
