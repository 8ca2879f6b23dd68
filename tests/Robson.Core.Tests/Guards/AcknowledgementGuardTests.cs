using Robson.Core.Domain;
using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

public sealed class AcknowledgementGuardTests
{
    private readonly AcknowledgementGuard _guard = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_DryRun_PassesWithOrWithoutAcknowledgement(bool acknowledged)
    {
        var result = _guard.Evaluate(GuardContexts.DryRun() with { RiskAcknowledged = acknowledged });

        Assert.True(result.Passed);
    }

    [Fact]
    public void Evaluate_LiveWithoutAcknowledgement_Blocks()
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { RiskAcknowledged = false });

        Assert.False(result.Passed);
        Assert.Equal("Acknowledgement", result.Name);
        Assert.Equal("add --acknowledge-risk", result.Details["requirement"]);
    }

    [Fact]
    public void Evaluate_LiveWithAcknowledgement_Passes()
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { Mode = ExecutionMode.Live, RiskAcknowledged = true });

        Assert.True(result.Passed);
    }
}
