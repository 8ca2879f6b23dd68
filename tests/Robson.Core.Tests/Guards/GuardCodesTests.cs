using System.Reflection;
using System.Text.RegularExpressions;
using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

/// <summary>The guard code catalogue is a contract: every code is well-formed, listed once, and some guard blocks with it.</summary>
public sealed partial class GuardCodesTests
{
    private static readonly IReadOnlyList<IExecutionGuard> Guards = [.. GuardPipeline.Default, new PlanIntegrityGuard()];

    /// <summary>One LIVE scenario per rule, each changing one thing of a context every guard passes.</summary>
    private static IEnumerable<GuardContext> Scenarios()
    {
        var live = GuardContexts.Live();
        yield return live with { ClientId = null };
        yield return live with { ClientId = OtherClient };
        yield return live with { Strategy = null };
        yield return live.WithSettings(s => s with { LiveEnabled = false });
        yield return live.WithSettings(s => s with { AllowedPlanKinds = [PlanKind.Sell] });
        yield return live.WithSettings(s => s with { AllowedSymbols = ["ETHUSDT"] });
        yield return live.WithSettings(s => s with { AllowedOrderTypes = [OrderType.Market] });
        yield return live with { Plan = Plan(MarketBuy()) };
        yield return live.WithSettings(s => s with { MaxNotionalPerOrder = 10m });
        yield return live with { LatestValidation = null };
        yield return live with { LatestValidation = live.LatestValidation! with { PlanHash = new string('0', 64) } };
        yield return live with { LatestValidation = GuardContexts.ValidationOf(live.Plan, live.Strategy, ValidationStatus.Fail, Now.AddMinutes(-5)) };
        yield return live with { Strategy = live.Strategy! with { Version = 2 } };
        yield return live with { LatestValidation = live.LatestValidation! with { ValidatedAt = Now.AddHours(-1) } };
        yield return live with { LatestValidation = live.LatestValidation! with { ValidatedAt = Now.AddMinutes(1) } };
        yield return live with { RiskAcknowledged = false };
        yield return live with { TradingStatus = new TradingStatus(TradingState.Halted, "manual", Now) };
        yield return live with { TradingStatus = new TradingStatus(TradingState.Reducing, "manual", Now) };
        yield return live.WithSettings(s => s with { MaxOrdersPerDay = null });
        yield return live with { Today = new DailyUsage(10, 0m, 0m) };
        yield return live with { Today = new DailyUsage(0, 10_000m, 0m) };
        yield return live with { Today = new DailyUsage(0, 0m, -500m) };
        yield return live with { PlanAlreadySent = true };
        yield return live with { UnresolvedSymbols = new HashSet<string> { "BTCUSDT" } };
        yield return live with { ClockSkew = TimeSpan.FromSeconds(31) };
        yield return live with { SymbolsWithoutPrice = ["BTCUSDT"] };
        yield return live with { MarketFailures = [ValidationIssue.Failure(ValidationCodes.PriceCollar, "limit 20 % from the mid")] };
        yield return live with { Plan = live.Plan with { Legs = [LimitBuy(0.01m)] } }; // content changed after hashing
    }

    private static readonly List<GuardResult> Failures =
        Scenarios().SelectMany(c => Guards.Select(g => g.Evaluate(c))).Where(r => !r.Passed).ToList();

    public static TheoryData<string> Codes() => new(GuardCodes.All);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_IsProducedBySomeGuardScenario(string code) => Assert.Contains(code, Failures.Select(f => f.Code));

    [Fact]
    public void EveryFailure_HasACatalogueCode_AndEveryPassNone()
    {
        Assert.All(Failures, f => Assert.Contains(f.Code, GuardCodes.All));
        Assert.All(Scenarios().SelectMany(c => Guards.Select(g => g.Evaluate(c))).Where(r => r.Passed), r => Assert.Null(r.Code));
    }

    [Fact]
    public void PolicyFailure_CarriesItsFirstRule_AndListsEveryRule()
    {
        var context = GuardContexts.Live().WithSettings(s => s with { LiveEnabled = false, AllowedSymbols = ["ETHUSDT"] });

        var result = new PolicyGuard().Evaluate(context);

        Assert.Equal(GuardCodes.LiveDisabled, result.Code);
        Assert.Equal("LIVE_DISABLED,SYMBOL_NOT_ALLOWED", result.Details["rules"]);
    }

    [Fact]
    public void All_IsUniqueScreamingSnakeCase()
    {
        Assert.Equal(GuardCodes.All.Count, GuardCodes.All.Distinct().Count());
        Assert.All(GuardCodes.All, code => Assert.Matches(ScreamingSnake(), code));
    }

    [Fact]
    public void All_ListsEveryDeclaredCode()
    {
        var declared = typeof(GuardCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(declared.Order(StringComparer.Ordinal), GuardCodes.All.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex ScreamingSnake();
}
