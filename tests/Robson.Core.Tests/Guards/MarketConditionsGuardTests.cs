using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Validation;

namespace Robson.Core.Tests.Guards;

public sealed class MarketConditionsGuardTests
{
    private static readonly MarketConditionsGuard Guard = new();

    private static readonly ValidationIssue Collar = ValidationIssue.Failure(ValidationCodes.PriceCollar, "Limit 56000 is 20 % from the mid 70000",
        ("leg", 1), ("mid", 70000m));

    private static readonly IReadOnlyDictionary<string, string> Comparison =
        Details.Of(("BTCUSDT.mid_now", "70000"), ("BTCUSDT.mid_at_validation", "56000"));

    [Fact]
    public void Evaluate_NoMarketFailure_Passes() => Assert.True(Guard.Evaluate(GuardContexts.Live()).Passed);

    [Fact]
    public void Evaluate_LiveWithAFailure_BlocksWithTheCodeAndTheNumbersThenAndAtValidation()
    {
        var result = Guard.Evaluate(GuardContexts.Live() with { MarketFailures = [Collar], MarketComparison = Comparison });

        Assert.False(result.Passed);
        Assert.Contains("[PRICE_COLLAR] Limit 56000 is 20 % from the mid 70000", result.Message);
        Assert.Equal("PRICE_COLLAR", result.Details["codes"]);
        Assert.Equal("70000", result.Details["BTCUSDT.mid_now"]);
        Assert.Equal("56000", result.Details["BTCUSDT.mid_at_validation"]);
        Assert.Equal("70000", result.Details["price_collar.mid"]);
        Assert.True(result.Details.ContainsKey("validated_at"));
    }

    [Fact]
    public void Evaluate_DryRunWithAFailure_WouldBlockLive()
    {
        var result = Guard.Evaluate(GuardContexts.DryRun() with { MarketFailures = [Collar] });

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE: The market now fails", result.Message);
    }

    [Fact]
    public void Evaluate_Cancel_PassesWhateverTheMarket() =>
        Assert.True(Guard.Evaluate(GuardContexts.Live() with
        {
            Plan = GuardContexts.Live().Plan with { Kind = PlanKind.Cancel },
            MarketFailures = [Collar],
        }).Passed);
}
