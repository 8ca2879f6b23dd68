using Robson.Core.Domain;

namespace Robson.Core.Tests.Domain;

public sealed class ClientIdTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Parse_NotAPositiveInteger_FailsNamingTheInput(string text)
    {
        var parsed = ClientId.Parse(text);

        Assert.False(parsed.Success);
        Assert.Contains(text, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Parse_Empty_FailsAsRequired(string? text)
    {
        var parsed = ClientId.Parse(text);

        Assert.False(parsed.Success);
        Assert.Contains("--client-id", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Parse_PositiveInteger_Succeeds(string text, long expected)
    {
        var parsed = ClientId.Parse(text);

        Assert.True(parsed.Success);
        Assert.Equal(expected, parsed.Value.Value);
        Assert.Equal(text, parsed.Value.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void From_NotPositive_Throws(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientId.From(value));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(ClientId.From(7), ClientId.Parse("7").Value);
        Assert.NotEqual(ClientId.From(7), ClientId.From(8));
    }
}
