using Robson.Core.Domain;
using Robson.Core.Guards;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed class TradingStateGuardTests
{
    private static readonly TradingStatus Halted = new(TradingState.Halted, "loss limit reached", Now);
    private static readonly TradingStatus Reducing = new(TradingState.Reducing, "winding down", Now);

    private static GuardResult Evaluate(ExecutionMode mode, TradingStatus status, bool onlyReduces = false) =>
        new TradingStateGuard().Evaluate(GuardContexts.Live() with { Mode = mode, TradingStatus = status, PlanOnlyReduces = onlyReduces });

    [Theory]
    [InlineData(ExecutionMode.Live)]
    [InlineData(ExecutionMode.DryRun)]
    public void Evaluate_Active_Passes(ExecutionMode mode)
    {
        var result = Evaluate(mode, TradingStatus.Active);

        Assert.True(result.Passed);
        Assert.Equal("TradingState", result.Name);
        Assert.Equal("ACTIVE", result.Details["state"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // even a plan that only reduces
    public void Evaluate_HaltedLive_Blocks(bool onlyReduces)
    {
        var result = Evaluate(ExecutionMode.Live, Halted, onlyReduces);

        Assert.False(result.Passed);
        Assert.Equal("HALTED", result.Details["state"]);
        Assert.Equal("loss limit reached", result.Details["reason"]);
    }

    [Fact]
    public void Evaluate_HaltedDryRun_PassesSayingItWouldBlockLive()
    {
        var result = Evaluate(ExecutionMode.DryRun, Halted);

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE", result.Message);
        Assert.Equal("HALTED", result.Details["state"]);
    }

    [Fact]
    public void Evaluate_ReducingLivePlanThatOnlyReduces_Passes()
    {
        Assert.True(Evaluate(ExecutionMode.Live, Reducing, onlyReduces: true).Passed);
    }

    [Fact]
    public void Evaluate_ReducingLivePlanThatDoesNotOnlyReduce_Blocks()
    {
        var result = Evaluate(ExecutionMode.Live, Reducing);

        Assert.False(result.Passed);
        Assert.Equal("REDUCING", result.Details["state"]);
    }

    [Fact]
    public void Evaluate_ReducingDryRunPlanThatDoesNotOnlyReduce_PassesSayingItWouldBlockLive()
    {
        var result = Evaluate(ExecutionMode.DryRun, Reducing);

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE", result.Message);
    }
}
