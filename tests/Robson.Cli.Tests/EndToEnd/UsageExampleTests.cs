using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>The five usage examples of the original contract, through the real entry point.</summary>
public sealed class UsageExampleTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Example1_DryRunByDefault_SucceedsAndPlacesNothing()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001");
        var before = _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Stdout;

        var run = _robson.Expect(0, "execute", planId, "--client-id", "1");

        Assert.Contains("MODE: DRY-RUN (Simulation)", run.Stdout);
        Assert.Contains("No real orders were placed", run.Stdout);
        Assert.Contains("STATUS: ✓ SUCCESS", run.Stdout);
        Assert.Contains("✓ TenantContext: Tenant context valid (client_id=1)", run.Stdout);
        Assert.Contains("✓ ValidationRequired: Validation not required for DRY-RUN", run.Stdout);
        Assert.Contains("✓ Acknowledgement: Acknowledgement not required for DRY-RUN", run.Stdout);
        Assert.Contains("[SIMULATED_ORDER] Simulated BUY 0.001 BTCUSDT MARKET", run.Stdout);
        Assert.Contains("Result: Simulated successfully (no real order placed)", run.Stdout);
        Assert.DoesNotContain("REAL_ORDER", run.Stdout);
        Assert.Equal(before, _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Stdout);
    }

    [Fact]
    public void Example2_LiveWithoutAcknowledgementOrValidation_BlockedWithBothReasons()
    {
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", strategy);

        var run = _robson.Expect(1, "execute", planId, "--client-id", "1", "--live");

        Assert.Contains("STATUS: ✗ BLOCKED", run.Stdout);
        Assert.Contains("Execution prevented by safety checks", run.Stdout);
        Assert.Contains("✗ ValidationRequired: LIVE execution requires prior validation", run.Stdout);
        Assert.Contains("✗ Acknowledgement: LIVE execution requires explicit risk acknowledgement", run.Stdout);
        Assert.DoesNotContain("orders executed on exchange", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("placed on", run.Stdout);
        Assert.Contains("No orders were sent", run.Stdout);
    }

    [Fact]
    public void Example3_LiveWithEverythingInPlace_FillsOnPaperAndChangesBalances()
    {
        var strategy = _robson.CreateLiveStrategy();
        var planId = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");

        var run = _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");

        Assert.Contains("MODE: LIVE", run.Stdout);
        Assert.Contains("STATUS: ✓ SUCCESS", run.Stdout);
        Assert.Contains("✓ ValidationRequired: Plan validated successfully", run.Stdout);
        Assert.Contains("✓ Acknowledgement: Risk acknowledged for LIVE execution", run.Stdout);
        Assert.Contains("✓ ExecutionLimits: All execution limits within bounds", run.Stdout);
        Assert.Contains("[REAL_ORDER] LIVE BUY 0.001 BTCUSDT MARKET (stop-loss 57300) (capped at 63000: sent as LIMIT IOC) on paper", run.Stdout);
        Assert.Contains("FILLED on paper: 0.001 @", run.Stdout);
        Assert.Contains("LIVE PROTECTIVE_STOP SELL 0.001 BTCUSDT STOP_LOSS_LIMIT stop 57300 limit 57013.5 on paper", run.Stdout);

        var balances = _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances");
        var byAsset = balances.EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => b.GetProperty("free").GetDecimal());
        var locked = balances.EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => b.GetProperty("locked").GetDecimal());
        Assert.Equal((0m, 0.001m), (byAsset["BTC"], locked["BTC"])); // bought, and locked by its protective stop
        // 0.001 BTC at the best ask (mid 60000 + 0.5 bp = 60003) plus the 0.1 % fee.
        Assert.Equal(10_000m - 60.003m - 0.060003m, byAsset["USDT"]);
    }

    [Fact]
    public void Example4_LivePastTheOrderLimit_BlockedByExecutionLimits()
    {
        var strategy = _robson.CreateLiveStrategy(maxOrders: "2");
        for (var i = 0; i < 2; i++)
        {
            var plan = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");
            _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        }
        var third = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");

        var run = _robson.Expect(1, "execute", third, "--client-id", "1", "--live", "--acknowledge-risk");

        Assert.Contains("STATUS: ✗ BLOCKED", run.Stdout);
        Assert.Contains("✗ ExecutionLimits: Max orders limit: 2 today + 1 planned > 2", run.Stdout);
        Assert.Contains("✓ ValidationRequired", run.Stdout);
        Assert.Contains("✓ Acknowledgement", run.Stdout);
        Assert.Equal(2, _robson.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
    }

    [Fact]
    public void Example5_Json_HasTheDocumentedFields()
    {
        var planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001");

        var run = _robson.Expect(0, "execute", planId, "--client-id", "1", "--json");

        var json = run.Json; // stdout is exactly one JSON document
        Assert.Equal("SUCCESS", json.GetProperty("status").GetString());
        Assert.Equal("DRY_RUN", json.GetProperty("mode").GetString());
        var guard = json.GetProperty("guards")[0];
        Assert.Equal("TenantContext", guard.GetProperty("name").GetString());
        Assert.True(guard.GetProperty("passed").GetBoolean());
        Assert.Equal("Tenant context valid (client_id=1)", guard.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, guard.GetProperty("details").ValueKind);
        var action = json.GetProperty("actions")[0];
        Assert.Equal("SIMULATED_ORDER", action.GetProperty("type").GetString());
        Assert.Equal("Simulated successfully (no real order placed)", action.GetProperty("result").GetString());
        Assert.True(action.TryGetProperty("description", out _));
        Assert.True(action.TryGetProperty("details", out _));
        var metadata = json.GetProperty("metadata");
        Assert.Equal(planId, metadata.GetProperty("plan_id").GetString());
        Assert.Equal(1, metadata.GetProperty("client_id").GetInt64());
        Assert.Equal("DRY_RUN", metadata.GetProperty("mode").GetString());
        Assert.Equal(Support.Robson.Start, DateTimeOffset.Parse(json.GetProperty("executed_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("error").ValueKind);
        var summary = json.GetProperty("summary");
        Assert.Equal(11, summary.GetProperty("total_guards").GetInt32());
        Assert.Equal(11, summary.GetProperty("passed_guards").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed_guards").GetInt32());
        Assert.Equal(1, summary.GetProperty("total_actions").GetInt32());
        Assert.Equal(12, json.GetProperty("execution_id").GetString()!.Length);
        Assert.Equal(64, json.GetProperty("plan_hash").GetString()!.Length);
        Assert.Equal("", run.Stderr);
    }
}
