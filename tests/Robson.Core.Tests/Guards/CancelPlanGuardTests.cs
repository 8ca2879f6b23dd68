using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Plans;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

/// <summary>Taking an order off the book is allowed exactly when it matters: past the loss limit, halted, LIVE disabled.</summary>
public sealed class CancelPlanGuardTests
{
    private static GuardContext CancelContext() => GuardContexts.Live() with
    {
        Plan = PlanHasher.WithHash(Plan() with { Kind = PlanKind.Cancel, Legs = [LimitBuy() with { CancelsOrder = "rbs-abc-1" }] }),
        Exposure = new PlanExposure([]),
        Today = new DailyUsage(10, 10_000m, -600m),
        TradingStatus = new TradingStatus(TradingState.Halted, "loss", Now),
    };

    [Fact]
    public void ExecutionLimits_PastEveryLimit_LetsACancelThrough() =>
        Assert.True(new ExecutionLimitsGuard().Evaluate(CancelContext()).Passed);

    [Fact]
    public void TradingState_Halted_LetsACancelThrough() =>
        Assert.True(new TradingStateGuard().Evaluate(CancelContext()).Passed);

    [Fact]
    public void Policy_LiveDisabled_LetsACancelThrough()
    {
        var context = CancelContext();
        context = context with { Strategy = context.Strategy! with { Settings = context.Strategy.Settings with { LiveEnabled = false } } };
        Assert.True(new PolicyGuard().Evaluate(context).Passed);
    }
}
