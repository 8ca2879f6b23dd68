using Robson.Server.Api;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Api;

/// <summary>
/// Every route answers its command's document through the real HTTP pipeline, with a role allowed to call it. A route
/// added to <see cref="ApiRoutes.All"/> without an entry here fails <see cref="EveryRouteIsCovered"/>.
/// </summary>
public sealed class EveryRouteTests
{
    private sealed record World(string Plan, string Entry, string Stop, string Execution, string EventId);

    /// <summary>Method, route pattern, the role that calls it, the request (path and body) against the world, in this order.</summary>
    private static readonly (string Method, string Pattern, string Role, Func<World, (string Path, string? Body)> Request)[] Requests =
    [
        ("GET", "/v1/status", "viewer", _ => ("/v1/status", null)),
        ("GET", "/v1/positions", "viewer", _ => ("/v1/positions?venue=paper", null)),
        ("GET", "/v1/report", "viewer", _ => ("/v1/report", null)),
        ("GET", "/v1/orders", "viewer", _ => ("/v1/orders", null)),
        ("GET", "/v1/analytics", "viewer", _ => ("/v1/analytics?from=2026-11-01", null)),
        ("GET", "/v1/executions", "viewer", _ => ("/v1/executions?limit=5", null)),
        ("GET", "/v1/executions/{id}", "viewer", w => ($"/v1/executions/{w.Execution}", null)),
        ("GET", "/v1/plans", "viewer", _ => ("/v1/plans", null)),
        ("GET", "/v1/plans/{id}", "viewer", w => ($"/v1/plans/{w.Plan}", null)),
        ("GET", "/v1/strategies", "viewer", _ => ("/v1/strategies", null)),
        ("GET", "/v1/strategies/{id}", "viewer", _ => ("/v1/strategies/1", null)),
        ("GET", "/v1/venues", "viewer", _ => ("/v1/venues", null)),
        ("GET", "/v1/market/{symbol}/price", "viewer", _ => ("/v1/market/BTCUSDT/price", null)),
        ("GET", "/v1/market/{symbol}/book", "viewer", _ => ("/v1/market/BTCUSDT/book?depth=3", null)),
        ("GET", "/v1/market/{symbol}/rules", "viewer", _ => ("/v1/market/BTCUSDT/rules", null)),
        ("GET", "/v1/paper/balances", "viewer", _ => ("/v1/paper/balances", null)),
        ("GET", "/v1/fills/export", "viewer", _ => ("/v1/fills/export?format=csv", null)),
        ("GET", "/v1/audit/events", "auditor", _ => ("/v1/audit/events?limit=3", null)),
        ("GET", "/v1/audit/events/{id}", "auditor", w => ($"/v1/audit/events/{w.EventId}", null)),
        ("GET", "/v1/audit/verify", "auditor", _ => ("/v1/audit/verify", null)),
        ("GET", "/v1/audit/export", "auditor", _ => ("/v1/audit/export", null)),
        ("POST", "/v1/plans", "trader", _ => ("/v1/plans", """{"side": "buy", "symbol": "BTCUSDT", "quote": "50"}""")),
        ("POST", "/v1/plans/rebalance", "trader", _ => ("/v1/plans/rebalance", """{"target": "ETH:10,USDT:90", "strategy_id": 1}""")),
        ("POST", "/v1/plans/cancel", "trader", w => ("/v1/plans/cancel", $$"""{"order": "{{w.Stop}}"}""")),
        ("POST", "/v1/plans/{id}/copy", "trader", w => ($"/v1/plans/{w.Plan}/copy", null)),
        ("POST", "/v1/plans/{id}/validate", "trader", w => ($"/v1/plans/{w.Plan}/validate", null)),
        ("POST", "/v1/plans/{id}/execute", "trader", w => ($"/v1/plans/{w.Plan}/execute", """{"mode": "dry_run"}""")),
        ("POST", "/v1/protect", "trader", w => ("/v1/protect", $$"""{"order": "{{w.Entry}}"}""")),
        ("POST", "/v1/paper/deposits", "trader", _ => ("/v1/paper/deposits", """{"asset": "USDT", "amount": "5"}""")),
        ("POST", "/v1/reconcile", "trader", _ => ("/v1/reconcile", """{"venue": "paper"}""")),
        ("POST", "/v1/strategies", "risk", _ => ("/v1/strategies", """{"name": "second", "max_drawdown_percent": 20, "stop_loss_percent": 5}""")),
        ("PATCH", "/v1/strategies/{id}", "risk", _ => ("/v1/strategies/2", """{"max_orders_per_day": 12, "live_enabled": false}""")),
        ("POST", "/v1/trading-state/reduce-only", "risk", _ => ("/v1/trading-state/reduce-only", """{"reason": "drill"}""")),
        ("POST", "/v1/trading-state/halt", "risk", _ => ("/v1/trading-state/halt", """{"reason": "drill"}""")),
        ("POST", "/v1/trading-state/resume", "risk", _ => ("/v1/trading-state/resume", """{"acknowledge_risk": true}""")),
        ("GET", "/v1/venues/{name}", "viewer", _ => ("/v1/venues/testnet", null)),
    ];

    [Fact]
    public void EveryRouteIsCovered()
    {
        Assert.Equal(ApiRoutes.All.Select(r => $"{r.Method} {r.Pattern}").Order(), Requests.Select(r => $"{r.Method} {r.Pattern}").Order());
    }

    [Fact]
    public async Task EveryRoute_Succeeds_WithItsCommandsDocument()
    {
        await using var server = await ServerHarness.Start(cli => cli.CreateLiveStrategy());
        var world = Build(server);
        var tokens = Requests.Select(r => r.Role).Distinct().ToDictionary(r => r, r => server.Token("1", r));
        var failures = new List<string>();
        foreach (var (method, pattern, role, request) in Requests)
        {
            var (path, body) = request(world);
            var reply = await server.Send(tokens[role], new HttpMethod(method), path, body);
            var route = ApiRoutes.All.Single(r => r.Method == method && r.Pattern == pattern);
            if (reply.Status != route.SuccessStatus || reply.Header("Robson-Exit-Code") != "0")
                failures.Add($"{method} {path}: {reply}");
            else if (route.Answer == Answer.Document && !reply.Body.TrimStart().StartsWith('{'))
                failures.Add($"{method} {path}: not a JSON document: {reply}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static World Build(ServerHarness server)
    {
        var cli = server.Cli;
        cli.Expect(0, "venue", "add", "testnet", "--kind", "binance-testnet", "--client-id", "1");
        var live = cli.ValidatedPlan("1", "1", "buy", "ETHUSDT", "0.1", "--stop-loss", "2860");
        var run = cli.Expect(0, "execute", live, "--client-id", "1", "--live", "--acknowledge-risk", "--json");
        var entry = run.Json.GetProperty("actions")[0].GetProperty("details").GetProperty("client_order_id").GetString()!;
        var plan = cli.ValidatedPlan("1", "1", "buy", "BTCUSDT", "0.001");
        var eventId = cli.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events")[0].GetProperty("event_id").GetString()!;
        return new World(plan, entry, entry + "-p1", run.Json.GetProperty("execution_id").GetString()!, eventId);
    }
}
