using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Api;

/// <summary>/metrics: Prometheus text for the operator, counting what the server's commands answered.</summary>
/// <remarks>Alone: meters are per process, and servers of tests running beside it would add their counts.</remarks>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task TheOperatorScrapes_ExecutionsBlocksOrdersAndLimitUsage()
    {
        await using var server = await ServerHarness.Start(cli => cli.CreateLiveStrategy(maxOrders: "4"));
        var trader = server.Token("1", "trader");
        var plan = server.Cli.ValidatedPlan("1", "1", "buy", "BTCUSDT", "0.001", "--limit", "59000");
        Assert.Equal(200, (await server.Post(trader, $"/v1/plans/{plan}/execute", new { })).Status);
        Assert.Equal(200, (await server.Post(trader, $"/v1/plans/{plan}/execute", new { mode = "live", acknowledge_risk = true })).Status);
        var blocked = server.Cli.ValidatedPlan("1", "1", "buy", "BTCUSDT", "0.001", "--limit", "59000");
        server.Cli.Expect(0, "halt", "--client-id", "1", "--reason", "drill");
        Assert.Equal("BLOCKED", (await server.Post(trader, $"/v1/plans/{blocked}/execute", new { mode = "live", acknowledge_risk = true })).Json.GetProperty("status").GetString());

        var metrics = await server.Get(server.Token("1", "operator"), "/metrics");
        Assert.True(metrics.Status == 200, metrics.ToString());
        var text = metrics.Body;
        Assert.Contains("robson_executions_total{", text);
        Assert.Matches("robson_executions_total\\{[^}]*mode=\"DRY_RUN\"[^}]*status=\"SUCCESS\"[^}]*\\} 1", text);
        Assert.Matches("robson_executions_total\\{[^}]*mode=\"LIVE\"[^}]*status=\"BLOCKED\"[^}]*\\} 1", text);
        Assert.Matches("robson_guard_blocks_total\\{[^}]*guard=\"TradingState\"[^}]*\\} 1", text);
        Assert.Matches("robson_orders_total\\{[^}]*\\} 1", text);
        // One LIVE order of four allowed today, on the paper venue's own limits.
        Assert.Matches("robson_limit_usage\\{[^}]*client_id=\"1\"[^}]*limit=\"orders\"[^}]*venues=\"paper\"[^}]*\\} 0.25", text);
        Assert.DoesNotContain(trader, text);
    }

    [Fact]
    public async Task NonOperators_CannotScrape()
    {
        await using var server = await ServerHarness.Start();
        Assert.Equal(403, (await server.Get(server.Token("1", "risk"), "/metrics")).Status);
        Assert.Equal(401, (await server.Send(null, HttpMethod.Get, "/metrics", null)).Status);
    }
}

[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;
