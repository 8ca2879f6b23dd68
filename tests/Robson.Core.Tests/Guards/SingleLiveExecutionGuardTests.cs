using Robson.Core.Domain;
using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

public sealed class SingleLiveExecutionGuardTests
{
    private readonly SingleLiveExecutionGuard _guard = new();

    [Fact]
    public void Evaluate_LivePlanAlreadySent_Blocks()
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { PlanAlreadySent = true });

        Assert.False(result.Passed);
        Assert.Equal("SingleLiveExecution", result.Name);
    }

    [Fact]
    public void Evaluate_LivePlanNeverSent_Passes()
    {
        Assert.True(_guard.Evaluate(GuardContexts.Live() with { PlanAlreadySent = false }).Passed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_DryRun_PassesEvenAfterTheLiveRun(bool alreadySent)
    {
        var result = _guard.Evaluate(GuardContexts.DryRun() with { PlanAlreadySent = alreadySent });

        Assert.True(result.Passed);
    }
}
