using Robson.Core.Domain;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Domain;

public sealed class DecimalsTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("NaN")]
    public void ParsePositive_NotAPlainPositiveNumber_Fails(string? text)
    {
        var parsed = Decimals.ParsePositive(text, "quantity");

        Assert.False(parsed.Success);
        Assert.StartsWith("quantity ", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.001", "0.001")]
    [InlineData(" 1.5 ", "1.5")]
    [InlineData("50000", "50000")]
    [InlineData("0.00000001", "0.00000001")]
    public void ParsePositive_PlainPositiveNumber_ParsesExactly(string text, string expected)
    {
        var parsed = Decimals.ParsePositive(text, "quantity");

        Assert.True(parsed.Success);
        Assert.Equal(D(expected), parsed.Value);
    }

    [Fact]
    public void ParseNonNegative_Zero_Parses()
    {
        Assert.True(Decimals.ParseNonNegative("0", "fee").Success);
    }

    [Fact]
    public void ParseNonNegative_JustBelowZero_Fails()
    {
        Assert.False(Decimals.ParseNonNegative("-0.00000001", "fee").Success);
    }

    [Theory]
    [InlineData("1.000", "1")]
    [InlineData("0.0010", "0.001")]
    [InlineData("1.10", "1.1")]
    [InlineData("100", "100")]
    [InlineData("100.00", "100")]
    [InlineData("0.000", "0")]
    [InlineData("-1.50", "-1.5")]
    [InlineData("-0.00", "0")]
    [InlineData("0.00000001", "0.00000001")]
    public void Canonical_StripsTrailingZerosAndNeverUsesExponent(string value, string expected)
    {
        Assert.Equal(expected, Decimals.Canonical(D(value)));
    }

    [Theory]
    [InlineData("50000.005", "0.01", "50000", "50000.01")]
    [InlineData("50000.01", "0.01", "50000.01", "50000.01")]
    [InlineData("0.001555", "0.00001", "0.00155", "0.00156")]
    public void FloorAndCeilingToStep_BracketTheValue(string value, string step, string floor, string ceiling)
    {
        Assert.Equal(D(floor), Decimals.FloorToStep(D(value), D(step)));
        Assert.Equal(D(ceiling), Decimals.CeilingToStep(D(value), D(step)));
    }

    [Theory]
    [InlineData("50000.01", "0.01", true)]
    [InlineData("50000.005", "0.01", false)]
    [InlineData("123.456", "0", true)]
    public void IsMultipleOf_ZeroStepDisablesTheCheck(string value, string step, bool expected)
    {
        Assert.Equal(expected, Decimals.IsMultipleOf(D(value), D(step)));
    }
}
