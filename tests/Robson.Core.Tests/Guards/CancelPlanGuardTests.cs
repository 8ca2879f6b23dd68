using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Plans;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

/// <summary>
/// Taking an order off the book only reduces risk, so a cancel passes every guard but TenantContext and
/// Acknowledgement, in every state: past the loss limit, halted, LIVE disabled, cancels not among the strategy's
/// plan kinds, no strategy, no validation, an order of unknown outcome on the same symbol.
/// </summary>
public sealed class CancelPlanGuardTests
{
    private static readonly string[] AlwaysPassForCancels =
        ["Policy", "ValidationRequired", "TradingState", "ExecutionLimits", "SingleLiveExecution", "UnresolvedOrders", "VenueClock", "MarketPrice",
            "MarketConditions"];

    private static GuardContext CancelContext() => GuardContexts.Live() with
    {
        Plan = PlanHasher.WithHash(Plan() with { Kind = PlanKind.Cancel, Legs = [LimitBuy() with { CancelsOrder = "rbs-abc-1" }] }),
        Exposure = new PlanExposure([]),
        Today = new DailyUsage(10, 10_000m, -600m),
        TradingStatus = new TradingStatus(TradingState.Halted, "loss", Now),
    };

    /// <summary>Everything that blocks any other plan, all at once.</summary>
    private static GuardContext CancelInTheWorstState() => CancelContext().WithSettings(s => s with
    {
        LiveEnabled = false,
        AllowedPlanKinds = [PlanKind.Buy, PlanKind.Sell],
        AllowedSymbols = ["ETHUSDT"],
        AllowedOrderTypes = [OrderType.Market],
    }) with
    {
        LatestValidation = null,
        PlanAlreadySent = true,
        UnresolvedSymbols = new HashSet<string> { "BTCUSDT" },
        ClockSkew = TimeSpan.FromMinutes(2),
        SymbolsWithoutPrice = ["BTCUSDT"],
        MarketFailures = [Robson.Core.Validation.ValidationIssue.Failure("PRICE_COLLAR", "limit 20 % from the mid")],
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

    [Fact]
    public void Policy_CancelNotAmongTheAllowedPlanKinds_LetsACancelThrough() =>
        Assert.True(new PolicyGuard().Evaluate(CancelContext().WithSettings(s => s with { AllowedPlanKinds = [PlanKind.Buy] })).Passed);

    [Fact]
    public void Policy_NoStrategy_LetsACancelThroughLive() =>
        Assert.True(new PolicyGuard().Evaluate(CancelContext() with { Strategy = null }).Passed);

    [Fact]
    public void ValidationRequired_NoValidation_LetsACancelThroughLive() =>
        Assert.True(new ValidationRequiredGuard().Evaluate(CancelContext() with { LatestValidation = null }).Passed);

    [Fact]
    public void SingleLiveExecution_AlreadySent_LetsACancelThrough() =>
        Assert.True(new SingleLiveExecutionGuard().Evaluate(CancelContext() with { PlanAlreadySent = true }).Passed);

    [Fact]
    public void UnresolvedOrders_UnknownOrderOnTheSymbol_LetsACancelThrough() =>
        Assert.True(new UnresolvedOrdersGuard().Evaluate(CancelContext() with { UnresolvedSymbols = new HashSet<string> { "BTCUSDT" } }).Passed);

    [Fact]
    public void EvaluateAll_CancelInTheWorstState_PassesEveryGuardButTenantAndAcknowledgement_EachSayingWhy()
    {
        var results = GuardPipeline.EvaluateAll(CancelInTheWorstState());

        Assert.All(results, r => Assert.True(r.Passed, $"{r.Name}: {r.Message}"));
        Assert.All(results.Where(r => AlwaysPassForCancels.Contains(r.Name)),
            r => Assert.Contains("cancel", r.Message, StringComparison.OrdinalIgnoreCase));
        Assert.All(results, r => Assert.False(r.BlocksLive, r.Name));
    }

    [Fact]
    public void EvaluateAll_CancelWithoutAcknowledgement_BlockedByAcknowledgementOnly()
    {
        var results = GuardPipeline.EvaluateAll(CancelInTheWorstState() with { RiskAcknowledged = false });

        Assert.Equal("Acknowledgement", Assert.Single(results, r => !r.Passed).Name);
    }

    [Fact]
    public void EvaluateAll_CancelOfAnotherTenantsPlan_BlockedByTenantContextOnly()
    {
        var results = GuardPipeline.EvaluateAll(CancelInTheWorstState() with { ClientId = OtherClient });

        Assert.Equal("TenantContext", Assert.Single(results, r => !r.Passed).Name);
    }
}
