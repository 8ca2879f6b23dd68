using Robson.Core.Domain;
using Robson.Core.Guards;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

/// <summary>Limits of the fixture strategy: 10 orders, 10 000 notional, 500 loss per day.</summary>
public sealed class ExecutionLimitsGuardTests
{
    private readonly ExecutionLimitsGuard _guard = new();

    [Theory]
    [InlineData(8, 1, true)]   // one inside
    [InlineData(9, 1, true)]   // 9 + 1 = 10: at the limit
    [InlineData(10, 1, false)] // one over
    [InlineData(9, 2, false)]  // a two-order plan that would overshoot
    [InlineData(8, 2, true)]
    public void Evaluate_LiveOrdersTodayPlusPlanned_BlocksOnlyAboveMax(int ordersToday, int legs, bool passes)
    {
        var context = GuardContexts.Live() with
        {
            Today = new DailyUsage(ordersToday, 0m, 0m),
            Exposure = new PlanExposure(Enumerable.Repeat(10m, legs).ToList()),
        };

        var result = _guard.Evaluate(context);

        Assert.Equal(passes, result.Passed);
        Assert.Equal(ordersToday.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Details["orders_today"]);
        Assert.Equal(legs.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Details["orders_planned"]);
    }

    [Theory]
    [InlineData("9949.99", true)]  // one cent inside
    [InlineData("9950", true)]     // 9950 + 50 = 10 000: at the limit
    [InlineData("9950.01", false)] // one cent over
    public void Evaluate_LiveNotionalTodayPlusPlanned_BlocksOnlyAboveMax(string notionalToday, bool passes)
    {
        var context = GuardContexts.Live() with { Today = new DailyUsage(0, D(notionalToday), 0m), Exposure = new PlanExposure([50m]) };

        var result = _guard.Evaluate(context);

        Assert.Equal(passes, result.Passed);
        Assert.Equal(notionalToday, result.Details["notional_today"]);
        Assert.Equal("50", result.Details["notional_planned"]);
    }

    [Theory]
    [InlineData("-499.99", true)]  // just below the max loss
    [InlineData("-500", false)]    // loss equal to the max: reached
    [InlineData("-500.01", false)]
    [InlineData("0", true)]
    [InlineData("800", true)]      // a winning day is never a loss
    public void Evaluate_LiveRealisedLossToday_BlocksAtOrAboveMax(string realisedPnl, bool passes)
    {
        var context = GuardContexts.Live() with { Today = new DailyUsage(0, 0m, D(realisedPnl)) };

        Assert.Equal(passes, _guard.Evaluate(context).Passed);
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("notional")]
    [InlineData("loss")]
    public void Evaluate_LiveWithALimitUnset_Blocks(string unset)
    {
        var context = GuardContexts.Live().WithSettings(s => unset switch
        {
            "orders" => s with { MaxOrdersPerDay = null },
            "notional" => s with { MaxNotionalPerDay = null },
            _ => s with { MaxLossPerDay = null },
        });

        Assert.False(_guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_LiveWithoutStrategy_Blocks()
    {
        Assert.False(_guard.Evaluate(GuardContexts.Live() with { Strategy = null }).Passed);
    }

    [Fact]
    public void Evaluate_LiveWithinEveryLimit_Passes()
    {
        var context = GuardContexts.Live() with { Today = new DailyUsage(3, 1_000m, -100m) };

        Assert.True(_guard.Evaluate(context).Passed);
    }

    [Fact]
    public void Evaluate_DryRunOverEveryLimit_PassesButWouldBlockLive()
    {
        var context = GuardContexts.DryRun() with { Today = new DailyUsage(10, 10_000m, -500m) };

        var result = _guard.Evaluate(context);

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE", result.Message, StringComparison.Ordinal);
        Assert.Equal("10", result.Details["max_orders_per_day"]);
    }

    [Fact]
    public void Evaluate_DryRunWithLimitsUnset_PassesButWouldBlockLive()
    {
        var context = GuardContexts.DryRun().WithSettings(s => s with { MaxOrdersPerDay = null, MaxNotionalPerDay = null, MaxLossPerDay = null });

        var result = _guard.Evaluate(context);

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DryRunWithinLimits_PassesWithoutWouldBlock()
    {
        var result = _guard.Evaluate(GuardContexts.DryRun());

        Assert.True(result.Passed);
        Assert.DoesNotContain("Would block", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DryRunWithoutStrategy_Passes()
    {
        Assert.True(_guard.Evaluate(GuardContexts.DryRun() with { Strategy = null }).Passed);
    }
}
