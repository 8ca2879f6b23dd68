using System.Reflection;
using System.Text.RegularExpressions;
using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.UseCases;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>The code catalogue is a contract: every code is well-formed, listed once, and some rule produces it.</summary>
public sealed partial class ValidationCodesTests
{
    /// <summary>Codes that no validator in Robson.Core can emit today (reported as a gap, see the skipped test).</summary>

    /// <summary>One scenario per rule, run through every validator of ValidatePlan.</summary>
    private static IEnumerable<ValidationContext> Scenarios()
    {
        ValidationContext With(Func<StrategySettings, StrategySettings> change) =>
            ValidationContexts.For(Plan(), Strategy(change(LiveSettings())));

        yield return ValidationContexts.For(Plan()) with { RequestingClient = OtherClient };
        yield return ValidationContexts.For(Plan()) with { Strategy = null };
        yield return With(_ => new StrategySettings());
        yield return With(s => s with { MaxDrawdownPercent = 0m, StopLossPercent = 0m, MaxPositionSizePercent = 0m });
        yield return With(s => s with { MaxDrawdownPercent = 60m, StopLossPercent = 20m, MaxPositionSizePercent = 60m });
        yield return ValidationContexts.For(Plan() with { Legs = [] });
        yield return ValidationContexts.For(LimitBuy() with { Symbol = default });
        yield return ValidationContexts.For(LimitBuy(0m));
        yield return ValidationContexts.For(LimitBuy() with { LimitPrice = null });
        yield return ValidationContexts.WithoutMarket(Plan());
        yield return ValidationContexts.For(Plan(), rules: ValidationContexts.BtcUsdtRules("BREAK"));
        yield return ValidationContexts.For(LimitBuy(0.001m, 50_000.005m));
        yield return ValidationContexts.For(LimitBuy(0.0010005m));
        yield return ValidationContexts.For(LimitBuy(0.00001m));
        yield return ValidationContexts.For(Plan(MarketBuy())) with { Books = new Dictionary<Symbol, OrderBook>() };
    }

    private static readonly HashSet<string> Produced =
        Scenarios().SelectMany(c => ValidatePlan.Validators.SelectMany(v => v.Validate(c))).Select(i => i.Code).ToHashSet();

    public static TheoryData<string> ProducibleCodes() => new(ValidationCodes.All);

    [Theory]
    [MemberData(nameof(ProducibleCodes))]
    public void Code_IsProducedBySomeValidatorScenario(string code)
    {
        Assert.Contains(code, Produced);
    }

    [Fact]
    public void EveryCode_IsProducedBySomeValidatorScenario()
    {
        Assert.Empty(ValidationCodes.All.Except(Produced));
    }

    [Fact]
    public void EveryProducedIssue_HasAMessageAndACatalogueCode()
    {
        var issues = Scenarios().SelectMany(c => ValidatePlan.Validators.SelectMany(v => v.Validate(c))).ToList();

        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message), i.Code));
        Assert.All(issues, i => Assert.Contains(i.Code, ValidationCodes.All));
    }

    [Fact]
    public void All_IsUniqueScreamingSnakeCase()
    {
        Assert.Equal(ValidationCodes.All.Count, ValidationCodes.All.Distinct().Count());
        Assert.All(ValidationCodes.All, code => Assert.Matches(ScreamingSnake(), code));
    }

    [Fact]
    public void All_ListsEveryDeclaredCode()
    {
        var declared = typeof(ValidationCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(declared.Order(StringComparer.Ordinal), ValidationCodes.All.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex ScreamingSnake();
}
