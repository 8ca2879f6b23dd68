using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>`executions list` filters: mode, status, venue, symbol, the guard that blocked, UTC days; all must hold, then --limit.</summary>
public sealed class ExecutionFilterTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _ethDryRun, _ethBlocked, _ethLive, _btcDryRunNextDay;

    public ExecutionFilterTests()
    {
        var strategy = _robson.CreateLiveStrategy();
        var eth = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _ethDryRun = Id(_robson.Expect(0, "execute", eth, "--client-id", "1", "--json"));
        _ethBlocked = Id(_robson.Expect(1, "execute", eth, "--client-id", "1", "--live", "--json"));
        _ethLive = Id(_robson.Expect(0, "execute", eth, "--client-id", "1", "--live", "--acknowledge-risk", "--json"));
        _robson.Clock.Advance(TimeSpan.FromDays(1));
        var btc = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");
        _btcDryRunNextDay = Id(_robson.Expect(0, "execute", btc, "--client-id", "1", "--json"));
    }

    public void Dispose() => _robson.Dispose();

    private static string Id(CliRun run) => run.Json.GetProperty("execution_id").GetString()!;

    private string[] Listed(params string[] filters) =>
        _robson.Expect(0, ["executions", "list", "--client-id", "1", "--json", .. filters]).Json.GetProperty("executions").EnumerateArray()
            .Select(e => e.GetProperty("execution_id").GetString()!).ToArray();

    [Fact]
    public void EachFilter_KeepsOnlyWhatMatches()
    {
        Assert.Equal([_ethLive, _ethBlocked], Listed("--mode", "live"));
        Assert.Equal([_btcDryRunNextDay, _ethDryRun], Listed("--mode", "DRY_RUN"));
        Assert.Equal([_ethBlocked], Listed("--status", "blocked"));
        Assert.Equal([_ethBlocked], Listed("--blocked-by", "acknowledgement"));
        Assert.Empty(Listed("--blocked-by", "ExecutionLimits"));
        Assert.Equal([_btcDryRunNextDay], Listed("--symbol", "BTCUSDT"));
        Assert.Equal([_ethLive, _ethBlocked, _ethDryRun], Listed("--symbol", "ethusdt"));
        Assert.Equal(4, Listed("--venue", "paper").Length);
        Assert.Equal(4, Listed("--venue", "PAPER").Length);
        Assert.Empty(Listed("--venue", "elsewhere"));
        var today = Support.Robson.Start.ToString("yyyy-MM-dd");
        var tomorrow = Support.Robson.Start.AddDays(1).ToString("yyyy-MM-dd");
        Assert.Equal([_ethLive, _ethBlocked, _ethDryRun], Listed("--from", today, "--to", today));
        Assert.Equal([_btcDryRunNextDay], Listed("--from", tomorrow));
        Assert.Equal([_ethLive, _ethBlocked, _ethDryRun], Listed("--to", today));
    }

    [Fact]
    public void Filters_Combine_ThenTheLimitTakesTheNewest_AndTheDocumentEchoesThem()
    {
        Assert.Equal([_ethLive], Listed("--mode", "live", "--status", "success", "--symbol", "ETHUSDT"));
        Assert.Equal([_ethLive], Listed("--mode", "live", "--limit", "1"));
        var filters = _robson.Expect(0, "executions", "list", "--client-id", "1", "--mode", "live", "--blocked-by", "acknowledgement", "--json")
            .Json.GetProperty("filters");
        Assert.Equal("LIVE", filters.GetProperty("mode").GetString());
        Assert.Equal("Acknowledgement", filters.GetProperty("blocked_by").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, filters.GetProperty("symbol").ValueKind);
    }

    [Theory]
    [InlineData("--mode", "paper")]
    [InlineData("--status", "DONE")]
    [InlineData("--blocked-by", "NoSuchGuard")]
    [InlineData("--symbol", "BTC/USDT")]
    [InlineData("--from", "2026-13-01")]
    [InlineData("--venue", "no such venue")]
    public void ABadFilter_IsExit2_WithOneLine(string option, string value)
    {
        var run = _robson.Expect(2, "executions", "list", "--client-id", "1", option, value);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void FromAfterTo_IsExit2()
    {
        var run = _robson.Expect(2, "executions", "list", "--client-id", "1", "--from", "2026-11-27", "--to", "2026-11-26");
        Assert.Contains("--from 2026-11-27 is after --to 2026-11-26", run.Stderr);
    }
}
