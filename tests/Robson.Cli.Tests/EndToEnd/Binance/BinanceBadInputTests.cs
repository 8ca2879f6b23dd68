using System.Security.Cryptography;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>Refused input on a Binance venue writes nothing either, not even what was learnt from the exchange.</summary>
public sealed class BinanceBadInputTests : IDisposable
{
    private readonly BinanceFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void UnknownSymbolOnABinanceVenue_ExitsTwo_AndLeavesTheDatabaseUnchanged()
    {
        var before = Fingerprint();

        var run = _f.Robson.Run("plan", "buy", "DOGEUSDT", "10", "--venue", "bn", "--client-id", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown symbol 'DOGEUSDT' on venue 'bn'", run.Stderr);
        Assert.True(_f.Exchange.RequestCount("GET", "/api/v3/exchangeInfo") > 0); // the venue was asked
        Assert.Equal(before, Fingerprint());
    }

    private string Fingerprint()
    {
        var files = Directory.GetFiles(_f.Robson.Home).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)).OrderBy(f => f);
        return string.Join(";", files.Select(f => Path.GetFileName(f) + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }
}
