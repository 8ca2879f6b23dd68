using System.Security.Cryptography;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Bad input: exit 2, one line on stderr, no stack trace, and the database byte-for-byte unchanged.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _planId;

    public BadInputTests()
    {
        var strategy = _robson.CreateLiveStrategy();
        _planId = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");
    }

    public void Dispose() => _robson.Dispose();

    public static TheoryData<string[]> BadCommands => new()
    {
        new[] { "execute", "nosuchplan", "--client-id", "1" },
        new[] { "validate", "nosuchplan", "--client-id", "1" },
        new[] { "plans", "show", "nosuchplan", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "abc", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "-1", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "0", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "1e3", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--limit", "-5", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--limit", "50000", "--market", "--client-id", "1" },
        new[] { "plan", "buy", "NOPEUSDT", "0.001", "--client-id", "1" },
        new[] { "plan", "buy", "BTC-USDT", "0.001", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--client-id", "1", "--venue", "nowhere" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--client-id", "1", "--strategy-id", "99" },
        new[] { "plan", "buy", "BTCUSDT", "0.001" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--client-id", "0" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--client-id", "-1" },
        new[] { "plan", "buy", "BTCUSDT", "0.001", "--client-id", "abc" },
        new[] { "execute", "PLAN", "--client-id", "1", "--bogus" },
        new[] { "execute", "PLAN" },
        new[] { "execute", "PLAN", "--client-id", "0" },
        new[] { "execute", "PLAN", "--client-id", "abc" },
        new[] { "execute", "PLAN", "--client-id", "1", "--acknowledge-risk" },
        new[] { "execute", "PLAN", "--client-id", "1", "--live", "--acknowledge-risk", "--validated", "--validation-passed" },
        new[] { "strategy", "create", "--client-id", "1", "--name", "x", "--max-orders-per-day", "2.5" },
        new[] { "strategy", "create", "--client-id", "1", "--name", "x", "--allowed-order-types", "stop" },
        new[] { "strategy", "set", "1", "--client-id", "1" },
        new[] { "strategy", "set", "1", "--client-id", "1", "--max-loss-per-day", "-3" },
        new[] { "paper", "deposit", "DOGE", "5", "--client-id", "1" },
        new[] { "paper", "deposit", "USDT", "-5", "--client-id", "1" },
        new[] { "paper", "set-price", "BTCUSDT", "60000.001" },
        new[] { "report", "--client-id", "1", "--day", "yesterday" },
        new[] { "report", "--client-id", "1", "--day", "9999-12-31" },
        new[] { "paper", "deposit", "USDT", "79228162514264337593543950335", "--client-id", "1" },
        new[] { "plan", "buy", "BTCUSDT", "9999999999999999", "--client-id", "1" },
        new[] { "reconcile", "--client-id", "1", "--venue", "nosuch" },
        new[] { "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void BadInput_ExitsTwoWithOneLine_AndLeavesTheDatabaseUnchanged(string[] args)
    {
        args = args.Select(a => a == "PLAN" ? _planId : a).ToArray();
        var before = Fingerprint();

        var run = _robson.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("robson: ", lines[0]);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void AnotherTenantsPlan_LooksExactlyLikeAnUnknownPlan()
    {
        var foreign = _robson.Run("execute", _planId, "--client-id", "2");
        var unknown = _robson.Run("execute", "0000deadbeef", "--client-id", "2");

        Assert.Equal(2, foreign.ExitCode);
        Assert.Equal(unknown.Stderr.Replace("0000deadbeef", "ID"), foreign.Stderr.Replace(_planId, "ID"));
        Assert.Equal(2, _robson.Run("validate", _planId, "--client-id", "2").ExitCode);
        Assert.Equal(2, _robson.Run("plans", "show", _planId, "--client-id", "2").ExitCode);
        Assert.DoesNotContain(_planId, _robson.Expect(0, "plans", "list", "--client-id", "2").Stdout);
    }

    [Fact]
    public void OldValidationFlags_AreRefusedWithAMessageThatPointsToValidate()
    {
        var run = _robson.Expect(2, "execute", _planId, "--client-id", "1", "--live", "--acknowledge-risk", "--validated");

        Assert.Contains("validation is recorded by `robson validate", run.Stderr);
    }

    [Fact]
    public void CorruptDatabase_ExitsTwo_AndIsLeftAsItWas()
    {
        File.WriteAllText(_robson.DatabasePath, "this is not a database, just some text that is long enough to not be empty");
        var before = _robson.StoreBytes();

        var run = _robson.Run("plans", "list", "--client-id", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("ROBSON_HOME", run.Stderr);
        Assert.Equal(before, _robson.StoreBytes());
    }

    [Fact]
    public void RobsonHomeThatIsAFile_ExitsTwo()
    {
        var file = Path.Combine(Path.GetTempPath(), "robson-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "x");
        _robson.Environment["ROBSON_HOME"] = file;

        var run = _robson.Run("plan", "buy", "BTCUSDT", "0.001", "--client-id", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a file, not a directory", run.Stderr);
        Assert.Equal("x", File.ReadAllText(file));
        File.Delete(file);
    }

    [Fact]
    public void RefusedOrReadOnlyCommandsOnAFreshHome_CreateNothing()
    {
        var fresh = Path.Combine(Path.GetTempPath(), "robson-tests", Guid.NewGuid().ToString("N"));
        _robson.Environment["ROBSON_HOME"] = fresh;

        _robson.Expect(0, "plans", "list", "--client-id", "1");
        _robson.Expect(2, "execute", "abcdef123456", "--client-id", "1");
        _robson.Expect(2, "plan", "buy", "NOPEUSDT", "1", "--client-id", "1");
        _robson.Expect(2, "paper", "deposit", "DOGE", "1", "--client-id", "1");
        _robson.Expect(2, "strategy", "set", "1", "--client-id", "1", "--live-enabled");

        Assert.False(Directory.Exists(fresh));
    }

    private string Fingerprint()
    {
        var files = Directory.GetFiles(_robson.Home).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)).OrderBy(f => f);
        return string.Join(";", files.Select(f => Path.GetFileName(f) + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }
}
