using Robson.Core.Domain;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>Equity 10 000 USDT now, max_drawdown_percent 20: a peak of 12 500 is exactly 20 % above.</summary>
public sealed class DrawdownValidatorTests
{
    private static List<ValidationIssue> Validate(decimal? peak) =>
        new DrawdownValidator().Validate(ValidationContexts.For(Plan()) with { PeakEquity = peak }).ToList();

    [Theory]
    [InlineData("10000")]    // at the peak
    [InlineData("12499.99")] // one cent inside
    [InlineData("12500")]    // exactly 20 %
    public void Validate_DrawdownWithinMax_RaisesNothing(string peak)
    {
        Assert.Empty(Validate(D(peak)));
    }

    [Fact]
    public void Validate_DrawdownOneCentBeyondMax_FailsMaxDrawdownExceeded()
    {
        var issue = Assert.Single(Validate(12_500.01m));

        Assert.Equal(ValidationCodes.MaxDrawdownExceeded, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        Assert.Equal("10000", issue.Details["equity"]);
        Assert.Equal("12500.01", issue.Details["peak_equity"]);
        Assert.Equal("20.0001", issue.Details["drawdown_percent"]);
        Assert.Equal("20", issue.Details["max_drawdown_percent"]);
    }

    [Fact]
    public void Validate_NoRecordedPeak_RaisesNothing()
    {
        Assert.Empty(Validate(null));
    }

    [Fact]
    public void Validate_NoAccount_IsLeftToTheAccountValidator()
    {
        var context = ValidationContexts.For(Plan()) with { PeakEquity = 1_000_000m, Account = null };

        Assert.Empty(new DrawdownValidator().Validate(context));
    }
}
