using System.Text.Json;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Dashboard;

/// <summary>The pages show what the API answers: the same routes, run as the session's caller.</summary>
public sealed class DashboardDataTests
{
    private static async Task<(ServerHarness Server, string Risk, string Trader)> Desk()
    {
        var server = await ServerHarness.Start(cli => cli.Expect(0, "paper", "deposit", "USDT", "10000", "--client-id", "1"));
        var risk = server.Token("1", "risk", name: "risk-desk");
        var trader = server.Token("1", "trader", name: "desk");
        var strategy = (await server.Post(risk, "/v1/strategies", new Dictionary<string, object>
        {
            ["name"] = "swing", ["max_drawdown_percent"] = "20", ["stop_loss_percent"] = "5", ["live_enabled"] = true,
            ["max_orders_per_day"] = 10, ["max_notional_per_day"] = "100000", ["max_loss_per_day"] = "1000",
        })).Json.GetProperty("strategy_id").GetInt64();
        foreach (var (quantity, live) in new[] { ("0.001", true), ("0.002", false) })
        {
            var plan = (await server.Post(trader, "/v1/plans", new Dictionary<string, object>
            {
                ["side"] = "buy", ["symbol"] = "BTCUSDT", ["quantity"] = quantity, ["limit"] = "60010", ["stop_loss"] = "57100", ["strategy_id"] = strategy,
            })).Json.GetProperty("plan_id").GetString()!;
            await server.Post(trader, $"/v1/plans/{plan}/validate");
            await server.Post(trader, $"/v1/plans/{plan}/execute", live ? new { mode = "live", acknowledge_risk = true } : new { mode = "live", acknowledge_risk = false });
        }
        return (server, risk, trader);
    }

    [Fact]
    public async Task AnalyticsCsv_IsTheApiSeries_RowForRow()
    {
        var (server, risk, trader) = await Desk();
        await using var _ = server;
        var api = await server.Get(trader, "/v1/analytics");
        Assert.Equal(server.Cli.Expect(0, "analytics", "--client-id", "1", "--json").Stdout, api.Body);
        using var browser = await Browserless.SignedIn(server, trader);
        var page = await browser.Get("/analytics");
        Assert.Equal(200, page.Status);
        foreach (var (chart, series) in new[] { ("pnl", "pnl_by_day"), ("notional", "notional_by_day"), ("blocks", "blocks_by_guard_by_day"),
                     ("validations", "validations_by_day"), ("slippage", "slippage") })
        {
            Assert.Contains($"data-chart=\"{chart}\"", page.Body);
            var csv = await browser.Get($"/analytics/{chart}.csv");
            Assert.Equal("text/csv", csv.ContentType);
            var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var rows = api.Json.GetProperty(series).EnumerateArray().ToList();
            Assert.True(rows.Count > 0, $"{series} is empty: the scenario should fill it");
            Assert.Equal(rows.Count + 1, lines.Length);
            var header = lines[0].Split(',');
            Assert.Equal(rows[0].EnumerateObject().Select(p => p.Name), header);
            for (var i = 0; i < rows.Count; i++)
                Assert.Equal(rows[i].EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()), lines[i + 1].Split(','));
        }
    }

    [Fact]
    public async Task Today_ShowsTheNumbersOfStatusAndReport()
    {
        var (server, risk, trader) = await Desk();
        await using var _ = server;
        var status = (await server.Get(trader, "/v1/status")).Json;
        var report = (await server.Get(trader, "/v1/report")).Json;
        using var browser = await Browserless.SignedIn(server, trader);
        var today = (await browser.Get("/")).Body;
        Assert.Contains($"data-field=\"realised_pnl\">{report.GetProperty("realised_pnl").GetRawText()}<", today);
        Assert.Contains($"data-field=\"fees\">{report.GetProperty("fees").GetRawText()}<", today);
        Assert.Contains($"data-field=\"fills\">{report.GetProperty("fills").GetRawText()}<", today);
        foreach (var limit in status.GetProperty("venues")[0].GetProperty("strategies")[0].GetProperty("limits").EnumerateArray())
            Assert.Contains($"data-limit=\"{limit.GetProperty("limit").GetString()}\" data-venue=\"paper\" data-strategy=\"1\" data-used=\"{limit.GetProperty("used").GetRawText()}\" data-max=\"{limit.GetProperty("max").GetRawText()}\"", today);
        var position = status.GetProperty("venues")[0].GetProperty("positions")[0];
        Assert.Contains("data-symbol=\"BTCUSDT\" data-venue=\"paper\"", today);
        Assert.Contains($">{position.GetProperty("average_cost").GetRawText()}<", today);
        Assert.Contains($">{position.GetProperty("unrealised_pnl").GetRawText()}<", today);
        var stop = status.GetProperty("venues")[0].GetProperty("open_orders")[0].GetProperty("client_order_id").GetString();
        Assert.Contains($"data-order=\"{stop}\"", today);
        Assert.Contains("class=\"state state-ACTIVE\">ACTIVE<", today);
        Assert.Contains("As of", today[today.IndexOf("<div id=\"today-live\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Executions_FilterAsTheApiDoes_AndOneExecutionShowsEveryGuard()
    {
        var (server, risk, trader) = await Desk();
        await using var _ = server;
        using var browser = await Browserless.SignedIn(server, trader);
        var blocked = (await server.Get(trader, "/v1/executions?status=blocked")).Json.GetProperty("executions").EnumerateArray().Single();
        var id = blocked.GetProperty("execution_id").GetString()!;
        var page = await browser.Get("/executions?mode=live&blocked_by=Acknowledgement");
        Assert.Equal(200, page.Status);
        Assert.Contains($"data-execution=\"{id}\"", page.Body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page.Body, "data-execution="));
        Assert.Equal(400, (await browser.Get("/executions?mode=sometimes")).Status);

        var detail = (await browser.Get($"/executions/{id}")).Body;
        var guards = (await server.Get(trader, $"/v1/executions/{id}")).Json.GetProperty("guards").EnumerateArray().ToList();
        foreach (var guard in guards)
            Assert.Contains($"data-guard=\"{guard.GetProperty("name").GetString()}\" data-passed=\"{(guard.GetProperty("passed").GetBoolean() ? "true" : "false")}\"", detail);
        Assert.Contains($"href=\"/plans/{blocked.GetProperty("plan_id").GetString()}\"", detail);
        Assert.Equal(200, (await browser.Get($"/plans/{blocked.GetProperty("plan_id").GetString()}")).Status);
    }

    [Fact]
    public async Task Audit_ShowsTheChainIntact_TheHead_AndAnEventsHashCheck()
    {
        var (server, risk, trader) = await Desk();
        await using var _ = server;
        using var browser = await Browserless.SignedIn(server, risk);
        var verify = (await server.Get(risk, "/v1/audit/verify")).Json;
        var page = (await browser.Get("/audit")).Body;
        Assert.Contains("id=\"chain-status\" data-intact=\"true\"", page);
        Assert.Contains(verify.GetProperty("chains")[0].GetProperty("head_hash").GetString()!, page);
        var latest = (await server.Get(risk, "/v1/audit/events?limit=1")).Json.GetProperty("events")[0].GetProperty("event_id").GetString()!;
        Assert.Contains($"data-event=\"{latest}\"", page);
        var shown = (await browser.Get($"/audit/events/{latest}")).Body;
        Assert.Contains("id=\"hash-check\" data-matches=\"true\"", shown);
        var export = await browser.Get("/audit/export?format=jsonl");
        Assert.Equal(200, export.Status);
        Assert.Equal((await server.Get(risk, "/v1/audit/export?format=jsonl")).Body.Split('\n').Length, export.Body.Split('\n').Length);
    }
}
