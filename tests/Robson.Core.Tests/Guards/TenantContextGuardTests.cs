using Robson.Core.Domain;
using Robson.Core.Guards;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed class TenantContextGuardTests
{
    private readonly TenantContextGuard _guard = new();

    [Theory]
    [InlineData(ExecutionMode.DryRun)]
    [InlineData(ExecutionMode.Live)]
    public void Evaluate_ClientIdMissing_Blocks(ExecutionMode mode)
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { Mode = mode, ClientId = null });

        Assert.False(result.Passed);
        Assert.Equal("TenantContext", result.Name);
        Assert.Equal("add --client-id N", result.Details["requirement"]);
    }

    [Theory]
    [InlineData(ExecutionMode.DryRun)]
    [InlineData(ExecutionMode.Live)]
    public void Evaluate_PlanOfAnotherTenant_Blocks(ExecutionMode mode)
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { Mode = mode, ClientId = OtherClient });

        Assert.False(result.Passed);
        Assert.Equal("2", result.Details["client_id"]);
    }

    [Fact]
    public void Evaluate_PlanOfTheRequestingTenant_Passes()
    {
        var result = _guard.Evaluate(GuardContexts.Live());

        Assert.True(result.Passed);
        Assert.Equal("1", result.Details["client_id"]);
    }
}
