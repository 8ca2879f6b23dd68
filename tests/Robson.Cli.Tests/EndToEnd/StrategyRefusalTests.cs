using System.Security.Cryptography;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// <c>strategy create</c> and <c>strategy set</c> refuse settings under which every plan would fail validation
/// (RiskConfiguration's failures), naming each setting on one line: exit 2, nothing written. Settings that only warn
/// are accepted, as validation accepts them.
/// </summary>
public sealed class StrategyRefusalTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private static void AssertRefused(Support.CliRun run, params string[] named)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("would fail every validation", line);
        foreach (var text in named) Assert.Contains(text, line);
    }

    [Fact]
    public void Create_WithoutMaxDrawdownOrStopLoss_ExitsTwo_NamingBoth_AndCreatesNothing()
    {
        var run = _robson.Run("strategy", "create", "--client-id", "1", "--name", "bare", "--max-position-size-percent", "25");

        AssertRefused(run, "--max-drawdown-percent is missing (MAX_DRAWDOWN_MISSING)", "--stop-loss-percent is missing (STOP_LOSS_MISSING)");
        Assert.False(File.Exists(_robson.DatabasePath), "a refused create on a fresh home leaves no database");
    }

    [Fact]
    public void Create_WithoutStopLossOnly_NamesOnlyIt_AndWritesNothing()
    {
        _robson.CreateLiveStrategy();
        var before = Fingerprint();

        var run = _robson.Run("strategy", "create", "--client-id", "1", "--name", "nostop", "--max-drawdown-percent", "20");

        AssertRefused(run, "--stop-loss-percent is missing (STOP_LOSS_MISSING)");
        Assert.DoesNotContain("--max-drawdown-percent", run.Stderr);
        Assert.Equal(before, Fingerprint());
        Assert.Equal(1, _robson.Expect(0, "strategy", "list", "--client-id", "1", "--json").Json.GetProperty("strategies").GetArrayLength());
    }

    [Theory]
    [InlineData("--max-drawdown-percent", "100.01", "MAX_DRAWDOWN_INVALID")]
    [InlineData("--stop-loss-percent", "150", "STOP_LOSS_INVALID")]
    [InlineData("--max-position-size-percent", "101", "MAX_POSITION_INVALID")]
    public void Create_PercentAboveHundred_ExitsTwo_NamingIt(string option, string value, string code)
    {
        var run = _robson.Run(["strategy", "create", "--client-id", "1", "--name", "wild", .. Support.Robson.WithRequiredRisk(option, value)]);

        AssertRefused(run, $"{option} {value} ({code}: ");
    }

    [Fact]
    public void Create_WarningOnlySettings_AreAccepted()
    {
        // Drawdown above 50 %, stop loss above 10 %, no max position: each only warns at validation.
        _robson.Expect(0, "strategy", "create", "--client-id", "1", "--name", "bold", "--max-drawdown-percent", "100", "--stop-loss-percent", "20");
    }

    [Fact]
    public void Set_ToAValueThatAlwaysFails_ExitsTwo_AndKeepsTheVersion()
    {
        var id = _robson.CreateLiveStrategy();
        var before = Fingerprint();

        var run = _robson.Run("strategy", "set", id, "--client-id", "1", "--stop-loss-percent", "100.5");

        AssertRefused(run, "--stop-loss-percent 100.5 (STOP_LOSS_INVALID: ");
        Assert.Equal(before, Fingerprint());
        Assert.Equal(1, _robson.Expect(0, "strategy", "show", id, "--client-id", "1", "--json").Json.GetProperty("version").GetInt32());
    }

    private string Fingerprint()
    {
        var files = Directory.GetFiles(_robson.Home).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)).OrderBy(f => f);
        return string.Join(";", files.Select(f => Path.GetFileName(f) + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }
}
