using System.Text;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>The API secret never appears in any output, log, database row, audit event or export.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretCanaryTests : IDisposable
{
    private const string FileSecret = "CANARY-FILE-SECRET-77aa";
    private readonly BinanceFixture _f = new();
    private readonly StringBuilder _seen = new();

    public void Dispose() => _f.Dispose();

    private void Run(params string[] args)
    {
        var run = _f.Robson.Run(args);
        _seen.Append(run.Stdout).Append(run.Stderr);
    }

    [Fact]
    public void Secret_NeverAppears_AcrossEveryCommand()
    {
        var credentials = Path.Combine(_f.Robson.Home, "bn2.credentials");
        File.WriteAllText(credentials, $"api_key=other-key\napi_secret={FileSecret}\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Run("venue", "add", "bn2", "--kind", "binance-compatible", "--base-url", _f.Exchange.BaseUrl, "--client-id", "1", "--credentials-file", credentials);
        Run("venue", "list", "--client-id", "1");
        Run("venue", "show", "bn", "--client-id", "1");
        Run("venue", "show", "bn2", "--client-id", "1");
        var plan = _f.ValidatedPlan();
        Run("plans", "show", plan, "--client-id", "1", "--json");
        Run("validate", plan, "--client-id", "1", "--json");
        Run("validate", plan, "--client-id", "1", "--with-account"); // loads the credentials to read the account
        Run("validate", plan, "--client-id", "1", "--with-account", "--json");
        Run("execute", plan, "--client-id", "1");
        Run("execute", plan, "--client-id", "1", "--live");
        Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json");
        Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--api-secret", BinanceFixture.Secret);
        var other = _f.Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--venue", "bn2", "--strategy-id", _f.StrategyId);
        Run("validate", other, "--client-id", "1");
        Run("validate", other, "--client-id", "1", "--with-account"); // the file's secret: signed, refused by the fake
        Run("execute", other, "--client-id", "1", "--live", "--acknowledge-risk"); // signed with the file's secret: the fake refuses it
        Run("reconcile", "--client-id", "1");
        Run("orders", "list", "--client-id", "1");
        Run("report", "--client-id", "1", "--json");
        Run("executions", "list", "--client-id", "1", "--json");
        Run("audit", "list", "--client-id", "1", "--json");
        Run("audit", "export", "--format", "jsonl", "--all-tenants");
        Run("audit", "export", "--format", "csv", "--all-tenants");
        Run("strategy", "list", "--client-id", "1", "--json");

        var everything = _seen + string.Concat(Directory.GetFiles(_f.Robson.Home)
            .Where(p => !p.EndsWith(".credentials", StringComparison.Ordinal))
            .Select(p => Encoding.Latin1.GetString(File.ReadAllBytes(p))));
        Assert.DoesNotContain(BinanceFixture.Secret, everything);
        Assert.DoesNotContain(FileSecret, everything);
        Assert.Contains("PLAN_EXECUTED", _seen.ToString()); // the commands did run
    }
}
