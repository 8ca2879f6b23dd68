using Robson.Core.Domain;
using Robson.Core.Guards;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed class GuardPipelineTests
{
    private static readonly string[] ReportOrder =
        ["TenantContext", "Policy", "ValidationRequired", "Acknowledgement", "TradingState", "ExecutionLimits", "SingleLiveExecution",
            "UnresolvedOrders", "VenueClock", "MarketPrice", "MarketConditions"];

    private static readonly TradingStatus Halted = new(TradingState.Halted, "loss limit reached", Now);

    /// <summary>A DRY-RUN of a plan that every guard would refuse at LIVE (the acknowledgement apart).</summary>
    private static GuardContext DryRunWithEveryProblem() => GuardContexts.DryRun().WithSettings(s => s with { LiveEnabled = false }) with
    {
        Today = new DailyUsage(10, 10_000m, -500m),
        PlanAlreadySent = true,
        TradingStatus = Halted,
        UnresolvedSymbols = new HashSet<string> { "BTCUSDT" },
        ClockSkew = TimeSpan.FromMinutes(2),
        SymbolsWithoutPrice = ["BTCUSDT"],
        MarketFailures = [Robson.Core.Validation.ValidationIssue.Failure("PRICE_COLLAR", "limit 20 % from the mid")],
    };

    [Fact]
    public void EvaluateAll_ReportsEveryGuardInReportOrder_TenantContextThenPolicyFirst()
    {
        var results = GuardPipeline.EvaluateAll(GuardContexts.Live());

        Assert.Equal(ReportOrder, results.Select(r => r.Name));
    }

    [Fact]
    public void EvaluateAll_PreparedLive_EveryGuardPasses()
    {
        Assert.All(GuardPipeline.EvaluateAll(GuardContexts.Live()), r => Assert.True(r.Passed, r.Name));
    }

    [Fact]
    public void EvaluateAll_DryRunWithNothingPreparedAndOverLimits_EveryGuardPasses()
    {
        var context = DryRunWithEveryProblem();

        Assert.All(GuardPipeline.EvaluateAll(context), r => Assert.True(r.Passed, r.Name));
    }

    [Fact]
    public void EvaluateAll_LiveWithEveryProblem_ReportsEveryFailureWithoutShortCircuit()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { LiveEnabled = false }) with
        {
            ClientId = null,
            LatestValidation = null,
            RiskAcknowledged = false,
            Today = new DailyUsage(10, 0m, 0m),
            PlanAlreadySent = true,
            TradingStatus = Halted,
            UnresolvedSymbols = new HashSet<string> { "BTCUSDT" },
            ClockSkew = TimeSpan.FromMinutes(2),
            SymbolsWithoutPrice = ["BTCUSDT"],
            MarketFailures = [Robson.Core.Validation.ValidationIssue.Failure("PRICE_COLLAR", "limit 20 % from the mid")],
        };

        var failed = GuardPipeline.EvaluateAll(context).Where(r => !r.Passed).Select(r => r.Name);

        Assert.Equal(ReportOrder, failed);
    }

    [Fact]
    public void EvaluateAll_OneProblem_FailsOnlyThatGuard()
    {
        var results = GuardPipeline.EvaluateAll(GuardContexts.Live() with { RiskAcknowledged = false });

        Assert.Equal("Acknowledgement", Assert.Single(results, r => !r.Passed).Name);
    }

    [Fact]
    public void EvaluateAll_GivenGuards_EvaluatesOnlyThose()
    {
        var results = GuardPipeline.EvaluateAll(GuardContexts.Live(), [new AcknowledgementGuard()]);

        Assert.Equal("Acknowledgement", Assert.Single(results).Name);
    }

    [Fact]
    public void EvaluateAll_AnotherTenant_BlocksInBothModes()
    {
        foreach (var mode in new[] { ExecutionMode.DryRun, ExecutionMode.Live })
        {
            var results = GuardPipeline.EvaluateAll(GuardContexts.Live() with { Mode = mode, ClientId = OtherClient });
            Assert.Contains(results, r => r.Name == "TenantContext" && !r.Passed);
        }
    }

    [Fact]
    public void EvaluateAll_Live_BlocksLiveIsExactlyNotPassed()
    {
        var results = GuardPipeline.EvaluateAll(GuardContexts.Live() with { RiskAcknowledged = false, PlanAlreadySent = true });

        Assert.All(results, r => Assert.Equal(!r.Passed, r.BlocksLive));
        Assert.Equal(["Acknowledgement", "SingleLiveExecution"], results.Where(r => r.BlocksLive).Select(r => r.Name));
    }

    [Fact]
    public void EvaluateAll_DryRunOfAPreparedPlan_NothingBlocksLive()
    {
        var prepared = GuardContexts.Live() with { Mode = ExecutionMode.DryRun, RiskAcknowledged = false };

        Assert.All(GuardPipeline.EvaluateAll(prepared), r => Assert.False(r.BlocksLive, r.Name));
    }

    [Fact]
    public void EvaluateAll_DryRun_PassesButMarksEveryGuardThatWouldBlockLive_AcknowledgementAssumed()
    {
        var context = DryRunWithEveryProblem();

        var results = GuardPipeline.EvaluateAll(context);

        Assert.All(results, r => Assert.True(r.Passed, r.Name));
        Assert.Equal(ReportOrder.Except(["TenantContext", "Acknowledgement"]), results.Where(r => r.BlocksLive).Select(r => r.Name));
    }

    [Theory]
    [InlineData(ExecutionMode.DryRun)]
    [InlineData(ExecutionMode.Live)]
    public void EvaluateAll_AnotherTenant_BlocksLiveInBothModes(ExecutionMode mode)
    {
        var results = GuardPipeline.EvaluateAll(GuardContexts.Live() with { Mode = mode, ClientId = OtherClient });

        Assert.True(Assert.Single(results, r => r.Name == "TenantContext").BlocksLive);
    }
}
