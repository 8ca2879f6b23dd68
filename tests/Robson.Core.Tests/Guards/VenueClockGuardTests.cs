using Robson.Core.Domain;
using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

public sealed class VenueClockGuardTests
{
    private static readonly VenueClockGuard Guard = new();

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(-30)]
    public void Evaluate_LocalClockWithin30sOfTheVenues_Passes(int seconds) =>
        Assert.True(Guard.Evaluate(GuardContexts.Live() with { ClockSkew = TimeSpan.FromSeconds(seconds) }).Passed);

    [Theory]
    [InlineData(31)]
    [InlineData(-31)]
    [InlineData(86_400)]
    public void Evaluate_LiveWithClockMoreThan30sOff_FailsWithClockSkew(int seconds)
    {
        var result = Guard.Evaluate(GuardContexts.Live() with { ClockSkew = TimeSpan.FromSeconds(seconds) });

        Assert.False(result.Passed);
        Assert.Contains("[CLOCK_SKEW]", result.Message);
        Assert.Equal("CLOCK_SKEW", result.Details["code"]);
    }

    [Fact]
    public void Evaluate_DryRunWithClockOff_PassesButSaysItWouldBlockLive()
    {
        var result = Guard.Evaluate(GuardContexts.DryRun() with { ClockSkew = TimeSpan.FromMinutes(5) });

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE: [CLOCK_SKEW]", result.Message);
    }

    [Fact]
    public void Evaluate_CancelWithClockOff_Passes() =>
        Assert.True(Guard.Evaluate(GuardContexts.Live() with
        {
            Plan = GuardContexts.Live().Plan with { Kind = PlanKind.Cancel },
            ClockSkew = TimeSpan.FromMinutes(5),
        }).Passed);
}
