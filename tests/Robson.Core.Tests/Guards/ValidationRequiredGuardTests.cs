using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Strategies;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed class ValidationRequiredGuardTests
{
    private readonly ValidationRequiredGuard _guard = new();

    private static GuardContext LiveValidatedAt(DateTimeOffset at, GuardContext? start = null)
    {
        var context = start ?? GuardContexts.Live();
        return context with { LatestValidation = GuardContexts.ValidationOf(context.Plan, context.Strategy, ValidationStatus.Pass, at) };
    }

    [Fact]
    public void Evaluate_DryRunWithoutValidation_PassesAndReportsNone()
    {
        var result = _guard.Evaluate(GuardContexts.DryRun());

        Assert.True(result.Passed);
        Assert.Equal("ValidationRequired", result.Name);
        Assert.Equal("NONE", result.Details["validation_status"]);
    }

    [Fact]
    public void Evaluate_DryRunWithFailedValidation_Passes()
    {
        var context = GuardContexts.DryRun();
        context = context with { LatestValidation = GuardContexts.ValidationOf(context.Plan, context.Strategy, ValidationStatus.Fail, Now) };

        var result = _guard.Evaluate(context);

        Assert.True(result.Passed);
        Assert.Equal("FAIL", result.Details["validation_status"]);
    }

    [Fact]
    public void Evaluate_LiveWithoutValidation_Blocks()
    {
        Assert.False(_guard.Evaluate(GuardContexts.Live() with { LatestValidation = null }).Passed);
    }

    [Fact]
    public void Evaluate_LiveWithValidationOfOtherPlanContent_Blocks()
    {
        var context = GuardContexts.Live();
        context = context with { LatestValidation = context.LatestValidation! with { PlanHash = new string('a', 64) } };

        var result = _guard.Evaluate(context);

        Assert.False(result.Passed);
        Assert.Equal(new string('a', 64), result.Details["validated_hash"]);
        Assert.Equal(context.Plan.Hash, result.Details["plan_hash"]);
    }

    [Fact]
    public void Evaluate_LiveWithFailedValidation_Blocks()
    {
        var context = GuardContexts.Live();
        context = context with { LatestValidation = GuardContexts.ValidationOf(context.Plan, context.Strategy, ValidationStatus.Fail, Now) };

        var result = _guard.Evaluate(context);

        Assert.False(result.Passed);
        Assert.Equal("1", result.Details["failures"]);
    }

    [Theory]
    [InlineData(ValidationStatus.Pass)]
    [InlineData(ValidationStatus.Warning)]
    public void Evaluate_LiveWithPassOrWarningValidation_Passes(ValidationStatus status)
    {
        var context = GuardContexts.Live();
        context = context with { LatestValidation = GuardContexts.ValidationOf(context.Plan, context.Strategy, status, Now.AddMinutes(-1)) };

        var result = _guard.Evaluate(context);

        Assert.True(result.Passed);
        Assert.Equal(status.Wire(), result.Details["validation_status"]);
    }

    [Fact]
    public void Evaluate_LiveAfterStrategyVersionChanged_Blocks()
    {
        var context = GuardContexts.Live();
        context = context with { Strategy = context.Strategy! with { Version = 2 } };

        var result = _guard.Evaluate(context);

        Assert.False(result.Passed);
        Assert.Equal("1", result.Details["validated_strategy_version"]);
        Assert.Equal("2", result.Details["strategy_version"]);
    }

    [Fact]
    public void Evaluate_LiveValidatedUnderAnotherStrategy_Blocks()
    {
        var context = GuardContexts.Live();
        context = context with { LatestValidation = context.LatestValidation! with { StrategyId = 8 } };

        Assert.False(_guard.Evaluate(context).Passed);
    }

    [Theory]
    [InlineData(-1, true)]  // one tick inside the TTL
    [InlineData(0, true)]   // exactly the TTL
    [InlineData(1, false)]  // one tick beyond
    public void Evaluate_LiveValidationAgeAroundDefaultTtl_ExpiresOnlyBeyondIt(long ticksPastTtl, bool passes)
    {
        var ttl = TimeSpan.FromMinutes(StrategySettings.DefaultValidationTtlMinutes);

        var result = _guard.Evaluate(LiveValidatedAt(Now - ttl - TimeSpan.FromTicks(ticksPastTtl)));

        Assert.Equal(passes, result.Passed);
        if (!passes)
            Assert.Equal("15", result.Details["ttl_minutes"]);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Evaluate_LiveValidationAgeAroundStrategyTtl_UsesTheStrategysTtl(long ticksPastTtl, bool passes)
    {
        var start = GuardContexts.Live().WithSettings(s => s with { ValidationTtlMinutes = 5 });

        var result = _guard.Evaluate(LiveValidatedAt(Now - TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(ticksPastTtl), start));

        Assert.Equal(passes, result.Passed);
    }

    [Fact]
    public void Evaluate_DefaultTtl_IsFifteenMinutes()
    {
        Assert.Equal(15, new StrategySettings().ValidationTtlMinutes);
    }

    [Fact]
    public void Evaluate_LiveWithValidationStampedInTheFuture_Fails()
    {
        var result = _guard.Evaluate(LiveValidatedAt(Now + ValidationRequiredGuard.FutureTolerance + TimeSpan.FromTicks(1)));

        Assert.False(result.Passed);
        Assert.Contains("stamped in the future", result.Message);
    }

    [Fact]
    public void Evaluate_LiveWithValidationStampedNow_Passes() => Assert.True(_guard.Evaluate(LiveValidatedAt(Now)).Passed);

    [Fact]
    public void Evaluate_LiveWithValidationAheadWithinTheClockTolerance_Passes() =>
        // Two commands measure the venue's clock separately: a stamp a moment ahead is measurement noise, not a fast clock.
        Assert.True(_guard.Evaluate(LiveValidatedAt(Now + ValidationRequiredGuard.FutureTolerance)).Passed);
}
