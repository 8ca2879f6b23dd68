using Robson.Core.Domain;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>The fixture settings (drawdown 20, stop loss 5, position 25) raise no issue; each test changes one.</summary>
public sealed class RiskConfigurationValidatorTests
{
    private static List<ValidationIssue> Validate(Func<StrategySettings, StrategySettings> change) =>
        new RiskConfigurationValidator().Validate(ValidationContexts.For(Plan(), Strategy(change(LiveSettings())))).ToList();

    private static void AssertSingle(List<ValidationIssue> issues, string code, IssueSeverity severity)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(severity, issue.Severity);
    }

    [Fact]
    public void Validate_SaneConfiguration_RaisesNothing()
    {
        Assert.Empty(Validate(s => s));
    }

    [Fact]
    public void Validate_PlanWithoutStrategy_FailsWithRiskConfigMissingOnly()
    {
        var context = ValidationContexts.For(Plan()) with { Strategy = null };

        AssertSingle(new RiskConfigurationValidator().Validate(context).ToList(), ValidationCodes.RiskConfigMissing, IssueSeverity.Failure);
    }

    [Fact]
    public void Validate_DrawdownMissing_Fails() =>
        AssertSingle(Validate(s => s with { MaxDrawdownPercent = null }), ValidationCodes.MaxDrawdownMissing, IssueSeverity.Failure);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.01")]
    public void Validate_DrawdownOutsideZeroToHundred_FailsInvalid(string value) =>
        AssertSingle(Validate(s => s with { MaxDrawdownPercent = D(value) }), ValidationCodes.MaxDrawdownInvalid, IssueSeverity.Failure);

    [Theory]
    [InlineData("50.01")]
    [InlineData("100")]
    public void Validate_DrawdownAboveFifty_Warns(string value)
    {
        var issues = Validate(s => s with { MaxDrawdownPercent = D(value) });

        AssertSingle(issues, ValidationCodes.MaxDrawdownHigh, IssueSeverity.Warning);
        Assert.Equal("50", issues[0].Details["threshold"]);
    }

    [Theory]
    [InlineData("50")]
    [InlineData("49.99")]
    [InlineData("0.01")]
    public void Validate_DrawdownWithinFifty_RaisesNothing(string value) =>
        Assert.Empty(Validate(s => s with { MaxDrawdownPercent = D(value) }));

    [Fact]
    public void Validate_StopLossMissing_Fails() =>
        AssertSingle(Validate(s => s with { StopLossPercent = null }), ValidationCodes.StopLossMissing, IssueSeverity.Failure);

    [Theory]
    [InlineData("0")]
    [InlineData("100.01")]
    public void Validate_StopLossOutsideZeroToHundred_FailsInvalid(string value) =>
        AssertSingle(Validate(s => s with { StopLossPercent = D(value) }), ValidationCodes.StopLossInvalid, IssueSeverity.Failure);

    [Fact]
    public void Validate_StopLossJustAboveTen_Warns() =>
        AssertSingle(Validate(s => s with { StopLossPercent = 10.01m }), ValidationCodes.StopLossHigh, IssueSeverity.Warning);

    [Theory]
    [InlineData("10")]
    [InlineData("9.99")]
    public void Validate_StopLossAtOrBelowTen_RaisesNothing(string value) =>
        Assert.Empty(Validate(s => s with { StopLossPercent = D(value) }));

    [Fact]
    public void Validate_MaxPositionMissing_OnlyWarns() =>
        AssertSingle(Validate(s => s with { MaxPositionSizePercent = null }), ValidationCodes.MaxPositionMissing, IssueSeverity.Warning);

    [Theory]
    [InlineData("0")]
    [InlineData("100.01")]
    public void Validate_MaxPositionOutsideZeroToHundred_FailsInvalid(string value) =>
        AssertSingle(Validate(s => s with { MaxPositionSizePercent = D(value) }), ValidationCodes.MaxPositionInvalid, IssueSeverity.Failure);

    [Fact]
    public void Validate_MaxPositionJustAboveFifty_Warns() =>
        AssertSingle(Validate(s => s with { MaxPositionSizePercent = 50.01m }), ValidationCodes.MaxPositionHigh, IssueSeverity.Warning);

    [Fact]
    public void Validate_MaxPositionAtFifty_RaisesNothing() =>
        Assert.Empty(Validate(s => s with { MaxPositionSizePercent = 50m }));

    [Fact]
    public void Validate_EverythingMissing_ReportsEachProblem()
    {
        var issues = Validate(_ => new StrategySettings());

        Assert.Equal([ValidationCodes.MaxDrawdownMissing, ValidationCodes.StopLossMissing, ValidationCodes.MaxPositionMissing],
            issues.Select(i => i.Code));
        Assert.Equal(ValidationStatus.Fail, ValidationReport.StatusOf(issues));
    }

    [Fact]
    public void StatusOf_OnlyMaxPositionMissing_IsWarning()
    {
        Assert.Equal(ValidationStatus.Warning, ValidationReport.StatusOf(Validate(s => s with { MaxPositionSizePercent = null })));
    }

    [Fact]
    public void NeverPassing_NoRiskSettings_NamesDrawdownAndStopLoss_NotTheRecommendedPosition()
    {
        var failures = RiskConfigurationValidator.NeverPassing(new StrategySettings());

        Assert.Equal(["max_drawdown_percent", "stop_loss_percent"], failures.Select(f => f.Setting.Name));
        Assert.Equal([ValidationCodes.MaxDrawdownMissing, ValidationCodes.StopLossMissing], failures.Select(f => f.Failure.Code));
    }

    [Fact]
    public void NeverPassing_WarningsOnly_IsEmpty() =>
        Assert.Empty(RiskConfigurationValidator.NeverPassing(LiveSettings() with { MaxDrawdownPercent = 100m, StopLossPercent = 50m, MaxPositionSizePercent = null }));

    public static TheoryData<decimal?> Values => [null, -1m, 0m, 0.01m, 10m, 10.01m, 50m, 50.01m, 100m, 100.01m];

    /// <summary>strategy create refuses exactly what validation would always fail: one rule decides both.</summary>
    [Theory]
    [MemberData(nameof(Values))]
    public void NeverPassing_AgreesWithValidate_ForEveryRiskSetting(decimal? value)
    {
        foreach (var change in new Func<StrategySettings, StrategySettings>[]
                 { s => s with { MaxDrawdownPercent = value }, s => s with { StopLossPercent = value }, s => s with { MaxPositionSizePercent = value } })
        {
            var failures = Validate(change).Where(i => i.Severity == IssueSeverity.Failure).Select(i => i.Code);

            Assert.Equal(failures, RiskConfigurationValidator.NeverPassing(change(LiveSettings())).Select(f => f.Failure.Code));
        }
    }
}
