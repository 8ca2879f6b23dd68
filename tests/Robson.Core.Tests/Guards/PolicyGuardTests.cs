using Robson.Core.Domain;
using Robson.Core.Guards;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed class PolicyGuardTests
{
    private readonly PolicyGuard _guard = new();

    [Fact]
    public void Evaluate_LiveWithoutStrategy_Blocks()
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { Strategy = null });

        Assert.False(result.Passed);
        Assert.Equal("Policy", result.Name);
        Assert.Equal("STRATEGY_REQUIRED", result.Details["rule"]);
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
}
