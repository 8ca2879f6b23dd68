using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// `robson serve` refuses, before anything starts, an address that would put tokens on the network in clear text, and
/// says how to install the server when it is missing. (Starting it: Robson.Server.Tests, ServeProcessTests.)
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    [Theory]
    [InlineData("http://0.0.0.0:8080", "clear text")]
    [InlineData("http://192.168.1.10:8080", "clear text")]
    [InlineData("https://127.0.0.1:8443", "no certificate")]
    [InlineData("ftp://127.0.0.1:21", "not an address")]
    [InlineData("http://127.0.0.1:8080/v1", "not an address")]
    public void UnsafeOrMalformedAddresses_AreRefused(string urls, string reason)
    {
        var run = _robson.Expect(2, "serve", "--urls", urls);
        Assert.Contains(reason, run.Stderr);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.0.0.2:8080;http://localhost:9090")]
    public void LoopbackAddresses_AreAccepted(string urls)
    {
        _robson.Environment["ROBSON_SERVER"] = Path.Combine(_robson.Home, "nowhere", "robson-server");
        // Past the address check, it stops at the missing executable: the address itself was fine.
        Assert.Contains("ROBSON_SERVER names", _robson.Expect(2, "serve", "--urls", urls).Stderr);
    }

    [Fact]
    public void ClearTextBeyondLoopback_IsAcceptedOnlyWhenAskedFor()
    {
        _robson.Environment["ROBSON_SERVER"] = Path.Combine(_robson.Home, "nowhere", "robson-server");
        Assert.Contains("ROBSON_SERVER names", _robson.Expect(2, "serve", "--urls", "http://0.0.0.0:8080", "--insecure-http").Stderr);
    }

    [Fact]
    public void TlsFilesMustComeInPairs_AndExist()
    {
        Assert.Contains("go together", _robson.Expect(2, "serve", "--urls", "https://0.0.0.0:8443", "--tls-certificate", "cert.pem").Stderr);
        Assert.Contains("not found", _robson.Expect(2, "serve", "--urls", "https://0.0.0.0:8443", "--tls-certificate", "c.pem", "--tls-key", "k.pem").Stderr);
    }

    [Fact]
    public void AMissingServerExecutable_IsExplained()
    {
        _robson.Environment["ROBSON_SERVER"] = Path.Combine(_robson.Home, "nowhere", "robson-server");
        var run = _robson.Expect(2, "serve", "--json");
        Assert.Contains("ROBSON_SERVER", run.ErrorLine);
        Assert.Equal("INVALID_INPUT", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    public void Dispose() => _robson.Dispose();
}
