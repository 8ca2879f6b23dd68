using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Api;

/// <summary>
/// Separation of duties, as README "Roles" states it: the table below is the specification (written out, not computed
/// from the server's own policy). A role not listed for an action gets 403 with the rule; a listed one is never refused.
/// </summary>
public sealed class RoleBoundaryTests
{
    private static readonly string[] EveryRole = ["trader", "risk", "viewer", "auditor", "operator", "agent"];

    private static readonly (string Method, string Path, string? Body, string[] Allowed)[] Table =
    [
        ("POST", "/v1/strategies", """{"name": "n-ROLE", "max_drawdown_percent": "20", "stop_loss_percent": "5"}""", ["risk"]),
        ("PATCH", "/v1/strategies/1", """{"max_orders_per_day": 20}""", ["risk"]),
        ("POST", "/v1/trading-state/reduce-only", """{"reason": "drill"}""", ["risk"]),
        ("POST", "/v1/trading-state/halt", """{"reason": "drill"}""", ["risk"]),
        ("POST", "/v1/trading-state/resume", """{"acknowledge_risk": true}""", ["risk"]),
        ("POST", "/v1/plans", """{"side": "sell", "symbol": "BTCUSDT", "quantity": "0.001"}""", ["trader", "agent"]),
        ("POST", "/v1/plans/PLAN/validate", null, ["trader", "agent"]),
        ("POST", "/v1/plans/PLAN/validate", """{"with_account": true}""", ["trader"]), // reading the account loads credentials
        ("POST", "/v1/plans/PLAN/execute", "{}", ["trader", "agent"]),
        ("POST", "/v1/plans/PLAN/execute", """{"mode": "live", "acknowledge_risk": true}""", ["trader"]),
        ("POST", "/v1/paper/deposits", """{"asset": "USDT", "amount": "10"}""", ["trader"]),
        ("POST", "/v1/protect", """{"order": "nosuch"}""", ["trader"]),
        ("POST", "/v1/plans/cancel", """{"order": "nosuch"}""", ["trader", "agent"]),
        ("POST", "/v1/reconcile", "{}", ["trader"]), // it may place a filled entry's missing protective order
        ("POST", "/v1/plans/rebalance", """{"target": "BTC:10,USDT:90", "strategy_id": 1}""", ["trader", "agent"]),
        ("POST", "/v1/plans/PLAN/copy", null, ["trader", "agent"]),
        ("GET", "/v1/report", null, EveryRole),
        ("GET", "/v1/executions", null, EveryRole),
        ("GET", "/v1/analytics", null, EveryRole),
        ("GET", "/v1/strategies/1", null, EveryRole),
        ("GET", "/v1/audit/events", null, ["risk", "auditor", "operator"]),
        ("GET", "/v1/audit/verify", null, ["risk", "auditor", "operator"]),
        ("GET", "/v1/audit/export", null, ["risk", "auditor", "operator"]),
        ("GET", "/v1/fills/export", null, EveryRole),
        ("GET", "/metrics", null, ["operator"]),
    ];

    [Fact]
    public async Task EveryRole_IsAllowedExactlyWhatTheTableSays()
    {
        await using var server = await ServerHarness.Start(cli => cli.CreateLiveStrategy());
        var plan = server.Cli.ValidatedPlan("1", "1", "buy", "BTCUSDT", "0.001", "--limit", "59000");
        var tokens = EveryRole.ToDictionary(r => r, r => server.Token("1", r));
        var wrong = new List<string>();
        foreach (var (method, path, body, allowed) in Table)
            foreach (var role in EveryRole)
            {
                var reply = await server.Send(tokens[role], new HttpMethod(method), path.Replace("PLAN", plan), body?.Replace("ROLE", role));
                var refused = reply.Status == 403;
                if (refused == allowed.Contains(role) || reply.Status == 401 || reply.Status >= 500)
                    wrong.Add($"{role} {method} {path} {body}: {reply.Status} {reply.Body}");
                if (refused && (reply.ContentType != "application/problem+json" || reply.Json.GetProperty("code").GetString() != "FORBIDDEN"))
                    wrong.Add($"{role} {method} {path}: a 403 without the FORBIDDEN problem: {reply}");
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task NoTokenCanAddOrRemoveAVenue_TheirCredentialsAreTheServersEnvironment()
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("2", "risk");
        var add = await server.Post(risk, "/v1/venues", new { name = "binance", kind = "binance" });
        Assert.Equal(404, add.Status);
        Assert.Equal(404, (await server.Delete(risk, "/v1/venues/binance")).Status);
        Assert.DoesNotContain(server.Cli.Expect(0, "venue", "list", "--client-id", "2", "--json").Json.GetProperty("venues").EnumerateArray(),
            v => v.GetProperty("name").GetString() == "binance");
    }

    [Fact]
    public async Task ATraderCannotRaiseALimit_AndTheAnswerSaysWhy()
    {
        await using var server = await ServerHarness.Start(cli => cli.CreateLiveStrategy());
        var before = server.Cli.Expect(0, "strategy", "show", "1", "--client-id", "1", "--json").Stdout;
        var reply = await server.Patch(server.Token("1", "trader"), "/v1/strategies/1", new { max_notional_per_day = "99999999" });
        Assert.Equal(403, reply.Status);
        Assert.Contains("risk role", reply.Json.GetProperty("detail").GetString());
        Assert.Equal(before, server.Cli.Expect(0, "strategy", "show", "1", "--client-id", "1", "--json").Stdout);
    }
}
