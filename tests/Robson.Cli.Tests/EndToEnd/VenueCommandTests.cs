namespace Robson.Cli.Tests.EndToEnd;

/// <summary>venue add / list / show / remove: configuration errors are usage errors that write nothing.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class VenueCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void AddListShowRemove_RoundTrip_AndAudited()
    {
        _robson.Expect(0, "venue", "add", "main", "--kind", "binance", "--client-id", "1");
        _robson.Expect(0, "venue", "add", "test", "--kind", "binance-testnet", "--client-id", "1");

        var list = _robson.Expect(0, "venue", "list", "--client-id", "1").Stdout;
        Assert.Contains("https://api.binance.com", list);
        Assert.Contains("https://testnet.binance.vision", list);
        Assert.DoesNotContain("main", _robson.Expect(0, "venue", "list", "--client-id", "2").Stdout);
        Assert.Contains("ROBSON_MAIN_API_KEY", _robson.Expect(0, "venue", "show", "main", "--client-id", "1").Stdout);

        _robson.Expect(0, "venue", "remove", "test", "--client-id", "1");
        Assert.DoesNotContain("testnet", _robson.Expect(0, "venue", "list", "--client-id", "1").Stdout);
        var kinds = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, kinds.Count(k => k == "VENUE_ADDED"));
        Assert.Single(kinds, k => k == "VENUE_REMOVED");
    }

    [Theory]
    [InlineData("venue", "add", "x", "--kind", "kraken", "--client-id", "1")]
    [InlineData("venue", "add", "x", "--kind", "binance-compatible", "--client-id", "1")]
    [InlineData("venue", "add", "x", "--kind", "binance-compatible", "--base-url", "http://example.com", "--client-id", "1")]
    [InlineData("venue", "add", "paper", "--kind", "binance", "--client-id", "1")]
    [InlineData("venue", "add", "PAPER", "--kind", "binance", "--client-id", "1")] // would hide behind the paper venue
    [InlineData("venue", "add", "bad name", "--kind", "binance", "--client-id", "1")]
    [InlineData("venue", "add", "x", "--kind", "binance")]
    [InlineData("venue", "add", "x", "--kind", "binance", "--client-id", "1", "--credentials-file", "/nonexistent/creds")]
    [InlineData("venue", "remove", "nothere", "--client-id", "1")]
    public void BadVenueInput_ExitsTwo_AndCreatesNothing(params string[] args)
    {
        var run = _robson.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Theory]
    [InlineData("bn", "bn")]
    [InlineData("bn", "BN")]
    [InlineData("b-n", "b_n")]
    public void AVenueThatWouldReadAnotherTenantsEnvironmentCredentials_IsRefused(string first, string second)
    {
        _robson.Expect(0, "venue", "add", first, "--kind", "binance", "--client-id", "1");

        var run = _robson.Run("venue", "add", second, "--kind", "binance", "--client-id", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("another tenant's venue", run.Stderr);
    }

    [Fact]
    public void ReconcileAgainstAVenueThatDoesNotAnswer_ExitsOne_WithTheReason_NotACrash()
    {
        _robson.Environment["ROBSON_DOWN_API_KEY"] = "k";
        _robson.Environment["ROBSON_DOWN_API_SECRET"] = "s";
        _robson.Environment["ROBSON_VENUE_TIMEOUT_MS"] = "500";
        _robson.Environment["ROBSON_VENUE_RETRY_DELAY_MS"] = "10";
        _robson.Expect(0, "venue", "add", "down", "--kind", "binance-compatible", "--base-url", "http://127.0.0.1:9", "--client-id", "1");

        var run = _robson.Run("reconcile", "--client-id", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no answer from http://127.0.0.1:9", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void TheSameVenueName_WithACredentialsFile_IsAllowed()
    {
        var file = Path.Combine(Path.GetTempPath(), "robson-creds-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "api_key=k2\napi_secret=s2\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            _robson.Expect(0, "venue", "add", "bn", "--kind", "binance", "--client-id", "1");
            _robson.Expect(0, "venue", "add", "bn", "--kind", "binance", "--client-id", "2", "--credentials-file", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void CredentialsFileReadableByOthers_IsRefused()
    {
        var file = Path.Combine(Path.GetTempPath(), "robson-creds-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "api_key=k\napi_secret=CANARY-S3CRET\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var run = _robson.Run("venue", "add", "x", "--kind", "binance", "--client-id", "1", "--credentials-file", file);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("chmod 600", run.Stderr);
            Assert.DoesNotContain("CANARY", run.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
