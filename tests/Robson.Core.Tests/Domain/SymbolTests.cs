using Robson.Core.Domain;

namespace Robson.Core.Tests.Domain;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("BTCUSDT", "BTCUSDT")]
    [InlineData("btcusdt", "BTCUSDT")]
    [InlineData("  ethusdt ", "ETHUSDT")]
    [InlineData("1INCHUSDT", "1INCHUSDT")]
    [InlineData("AB", "AB")]                                       // shortest
    [InlineData("ABCDEFGHIJKLMNOPQRST", "ABCDEFGHIJKLMNOPQRST")]   // longest: 20
    public void Parse_LettersAndDigits_NormalisesToUpperCase(string text, string expected)
    {
        var parsed = Symbol.Parse(text);

        Assert.True(parsed.Success);
        Assert.Equal(expected, parsed.Value.Value);
    }

    [Theory]
    [InlineData("A")]                       // one too short
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]   // one too long: 21
    [InlineData("BTC-USDT")]
    [InlineData("BTC/USDT")]
    [InlineData("BTC USDT")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Parse_Invalid_Fails(string? text)
    {
        var parsed = Symbol.Parse(text);

        Assert.False(parsed.Success);
        Assert.NotEmpty(parsed.Error);
    }

    [Fact]
    public void From_Invalid_Throws()
    {
        Assert.Throws<ArgumentException>(() => Symbol.From("BTC-USDT"));
    }

    [Fact]
    public void Equality_IgnoresInputCase()
    {
        Assert.Equal(Symbol.From("BTCUSDT"), Symbol.From("btcUSDT"));
        Assert.Equal("BTCUSDT", Symbol.From("btcusdt").ToString());
    }
}
