using System.Security.Cryptography;
using System.Text.Json;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// The settings added for send-time checks, max_slippage_percent and send_time_max_data_age_seconds, through the
/// real CLI: set by <c>strategy create</c> and <c>strategy set</c>, stored, shown and audited like the others;
/// a bad value is exit 2 with one line and nothing written.
/// </summary>
public sealed class StrategySettingsTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private JsonElement Show(string id) => _robson.Expect(0, "strategy", "show", id, "--client-id", "1", "--json").Json;

    private string Create(params string[] options) =>
        _robson.Expect(0, ["strategy", "create", "--client-id", "1", "--name", "s" + Guid.NewGuid().ToString("N")[..8], "--json", .. Support.Robson.WithRequiredRisk(options)])
            .Json.GetProperty("strategy_id").GetInt64().ToString();

    [Fact]
    public void Create_WithMaxSlippageAndSendTimeDataAge_ShowJsonHasThem()
    {
        var id = Create("--max-slippage-percent", "1", "--send-time-max-data-age-seconds", "3");

        var shown = Show(id);

        Assert.Equal(1m, shown.GetProperty("max_slippage_percent").GetDecimal());
        Assert.Equal(3, shown.GetProperty("send_time_max_data_age_seconds").GetInt32());
    }

    [Fact]
    public void Create_WithoutThem_NoSlippageLimit_AndFiveSeconds()
    {
        var shown = Show(Create());

        Assert.Equal(JsonValueKind.Null, shown.GetProperty("max_slippage_percent").ValueKind);
        Assert.Equal(5, shown.GetProperty("send_time_max_data_age_seconds").GetInt32());
    }

    [Fact]
    public void Show_Human_ListsThemUnderPolicy()
    {
        var id = Create("--max-slippage-percent", "1.25", "--send-time-max-data-age-seconds", "3");

        var text = _robson.Expect(0, "strategy", "show", id, "--client-id", "1").Stdout;

        Assert.Contains("    slippage_warning_percent: 0.5\n    max_slippage_percent: 1.25\n    send_time_max_data_age_seconds: 3\n", text);
    }

    [Fact]
    public void Set_ChangesThem_AsANewVersion_AndAuditsThem()
    {
        var id = Create("--max-slippage-percent", "1", "--send-time-max-data-age-seconds", "3");

        var set = _robson.Expect(0, "strategy", "set", id, "--client-id", "1", "--max-slippage-percent", "2.5", "--send-time-max-data-age-seconds", "10", "--json").Json;

        Assert.Equal(2, set.GetProperty("version").GetInt32());
        var shown = Show(id);
        Assert.Equal(2.5m, shown.GetProperty("max_slippage_percent").GetDecimal());
        Assert.Equal(10, shown.GetProperty("send_time_max_data_age_seconds").GetInt32());
        var changed = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events")[0];
        Assert.Equal("STRATEGY_CHANGED", changed.GetProperty("kind").GetString());
        Assert.Equal("2.5", changed.GetProperty("details").GetProperty("max_slippage_percent").GetString());
        Assert.Equal("10", changed.GetProperty("details").GetProperty("send_time_max_data_age_seconds").GetString());
    }

    [Fact]
    public void Set_OneOfThem_LeavesTheOtherAsItWas()
    {
        var id = Create("--max-slippage-percent", "1", "--send-time-max-data-age-seconds", "3");

        _robson.Expect(0, "strategy", "set", id, "--client-id", "1", "--send-time-max-data-age-seconds", "4");

        var shown = Show(id);
        Assert.Equal(1m, shown.GetProperty("max_slippage_percent").GetDecimal());
        Assert.Equal(4, shown.GetProperty("send_time_max_data_age_seconds").GetInt32());
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { "--max-slippage-percent", "0" }, { "--max-slippage-percent", "-1" }, { "--max-slippage-percent", "abc" },
        { "--send-time-max-data-age-seconds", "0" }, { "--send-time-max-data-age-seconds", "-1" },
        { "--send-time-max-data-age-seconds", "abc" }, { "--send-time-max-data-age-seconds", "2.5" },
        { "--send-time-max-data-age-seconds", "31" }, // no staler than validation itself accepts
        { "--price-collar-percent", "100" }, // a 100 % collar caps a sell at one tick and a buy at twice the mid: no cap
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Create_BadValue_ExitsTwoWithOneLine_AndWritesNothing(string option, string value)
    {
        Create();
        var before = Fingerprint();

        var run = _robson.Run(["strategy", "create", "--client-id", "1", "--name", "bad", .. Support.Robson.WithRequiredRisk(option, value)]);

        AssertUsageError(run, option);
        Assert.Equal(before, Fingerprint());
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Set_BadValue_ExitsTwoWithOneLine_AndWritesNothing(string option, string value)
    {
        var id = Create("--max-slippage-percent", "1", "--send-time-max-data-age-seconds", "3");
        var before = Fingerprint();

        var run = _robson.Run("strategy", "set", id, "--client-id", "1", option, value);

        AssertUsageError(run, option);
        Assert.Equal(before, Fingerprint());
    }

    private static void AssertUsageError(Support.CliRun run, string option)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"robson: {option} must be ", line);
    }

    private string Fingerprint()
    {
        var files = Directory.GetFiles(_robson.Home).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)).OrderBy(f => f);
        return string.Join(";", files.Select(f => Path.GetFileName(f) + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }
}
