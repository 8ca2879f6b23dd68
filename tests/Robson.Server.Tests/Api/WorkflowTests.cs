using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Api;

/// <summary>plan → validate → execute over HTTP, as the README's curl walk-through does it, answering the CLI's documents.</summary>
public sealed class WorkflowTests
{
    [Fact]
    public async Task PlanValidateExecute_DryRunByDefault_AnswersTheCliDocuments()
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("1", "risk");
        var trader = server.Token("1", "trader");

        var strategy = await server.Post(risk, "/v1/strategies", new Dictionary<string, object>
        {
            ["name"] = "swing", ["max_drawdown_percent"] = "20", ["stop_loss_percent"] = "5",
            ["max_orders_per_day"] = 10, ["max_notional_per_day"] = "100000", ["max_loss_per_day"] = "1000",
        });
        Assert.True(strategy.Status == 201, strategy.ToString());
        var strategyId = strategy.Json.GetProperty("strategy_id").GetInt64();

        var plan = await server.Post(trader, "/v1/plans", new Dictionary<string, object>
        {
            ["side"] = "buy", ["symbol"] = "BTCUSDT", ["quantity"] = "0.001", ["limit"] = "60010", ["stop_loss"] = "57100", ["strategy_id"] = strategyId,
        });
        Assert.True(plan.Status == 201, plan.ToString());
        Assert.Equal("application/json", plan.ContentType);
        var planId = plan.Json.GetProperty("plan_id").GetString()!;

        var validation = await server.Post(trader, $"/v1/plans/{planId}/validate");
        Assert.True(validation.Status == 200, validation.ToString());
        Assert.Equal("0", validation.Header("Robson-Exit-Code"));

        var execution = await server.Post(trader, $"/v1/plans/{planId}/execute", new { });
        Assert.True(execution.Status == 200, execution.ToString());
        Assert.Equal("DRY_RUN", execution.Json.GetProperty("mode").GetString());
        Assert.Equal("SUCCESS", execution.Json.GetProperty("status").GetString());
        var executionId = execution.Json.GetProperty("execution_id").GetString()!;

        // The same documents as `robson … --json`, byte for byte.
        var shown = await server.Get(trader, $"/v1/executions/{executionId}");
        Assert.Equal(server.Cli.Expect(0, "executions", "show", executionId, "--client-id", "1", "--json").Stdout, shown.Body);
        var list = await server.Get(trader, "/v1/executions");
        Assert.Equal(server.Cli.Expect(0, "executions", "list", "--client-id", "1", "--json").Stdout, list.Body);
        Assert.Equal(200, (await server.Get(trader, "/v1/report")).Status);
        Assert.Equal(200, (await server.Get(trader, "/v1/status")).Status);
        Assert.Equal(200, (await server.Get(trader, "/v1/positions")).Status);
        Assert.Equal(200, (await server.Get(trader, "/v1/orders")).Status);
        Assert.Equal(200, (await server.Get(trader, $"/v1/plans/{planId}")).Status);
        Assert.Equal(200, (await server.Get(trader, "/v1/market/BTCUSDT/price")).Status);
        Assert.Equal(200, (await server.Get(trader, "/v1/market/BTCUSDT/book?depth=2")).Status);
    }

    [Fact]
    public async Task AuditEvents_NameTheTokenAndRole_AndTheRequestId()
    {
        await using var server = await ServerHarness.Start();
        var trader = server.Token("1", "trader", name: "desk-bot");
        var plan = await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" });
        Assert.True(plan.Status == 201, plan.ToString());
        var requestId = plan.Header("X-Request-Id");
        Assert.NotNull(requestId);

        var events = server.Cli.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events");
        var created = events.EnumerateArray().First(e => e.GetProperty("kind").GetString() == "PLAN_CREATED");
        Assert.Equal("desk-bot", created.GetProperty("actor").GetString());
        Assert.Equal("trader", created.GetProperty("role").GetString());
        Assert.Contains(requestId, created.GetProperty("command").GetString());
        server.Cli.Expect(0, "audit", "verify", "--client-id", "1");
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryRoute()
    {
        await using var server = await ServerHarness.Start();
        var document = await server.Send(null, HttpMethod.Get, "/openapi/v1.json", null);
        Assert.Equal(200, document.Status);
        var paths = document.Json.GetProperty("paths");
        foreach (var route in Robson.Server.Api.ApiRoutes.All)
            Assert.True(paths.GetProperty(route.Pattern).TryGetProperty(route.Method.ToLowerInvariant(), out _), $"{route.Method} {route.Pattern}");
        var planBody = paths.GetProperty("/v1/plans").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        foreach (var field in new[] { "side", "symbol", "quantity", "limit", "market", "stop_loss", "strategy_id", "venue" })
            Assert.True(planBody.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task HealthAndReadiness_AnswerWithoutAToken()
    {
        await using var server = await ServerHarness.Start();
        Assert.Equal(200, (await server.Send(null, HttpMethod.Get, "/healthz", null)).Status);
        var ready = await server.Send(null, HttpMethod.Get, "/readyz", null);
        Assert.True(ready.Status == 200, ready.ToString());
    }
}
