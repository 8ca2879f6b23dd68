using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Dashboard;

/// <summary>A session sees its token's tenant only: another tenant's objects answer exactly as missing ones.</summary>
public sealed class DashboardTenantTests
{
    [Fact]
    public async Task AnotherTenantsExecutionAndPlan_Answer404_LikeMissingOnes()
    {
        await using var server = await ServerHarness.Start();
        var other = server.Token("2", "trader");
        var plan = (await server.Post(other, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" })).Json.GetProperty("plan_id").GetString()!;
        var execution = (await server.Post(other, $"/v1/plans/{plan}/execute", new { })).Json.GetProperty("execution_id").GetString()!;

        using var browser = await Browserless.SignedIn(server, server.Token("1", "risk"));
        var theirs = await browser.Get($"/executions/{execution}");
        var missing = await browser.Get("/executions/000000000000");
        Assert.True(theirs.Status == 404, theirs.ToString());
        Assert.Equal(404, missing.Status);
        Assert.Contains("id=\"error\"", theirs.Body);
        Assert.Equal(404, (await browser.Get($"/plans/{plan}")).Status);
        Assert.DoesNotContain(execution, (await browser.Get("/executions")).Body);
        Assert.DoesNotContain(plan, (await browser.Get("/audit")).Body);

        // The API answers the same: another tenant's execution or audit event is NOT_FOUND (404), as a missing one is.
        var riskOfOne = server.Token("1", "risk");
        Assert.Equal(404, (await server.Get(riskOfOne, $"/v1/executions/{execution}")).Status);
        var theirEvent = server.Cli.Expect(0, "audit", "list", "--client-id", "2", "--json").Json.GetProperty("events")[0].GetProperty("event_id").GetString()!;
        Assert.Equal(404, (await server.Get(riskOfOne, $"/v1/audit/events/{theirEvent}")).Status);
        Assert.Equal(404, (await browser.Get($"/audit/events/{theirEvent}")).Status);

        using var owner = await Browserless.SignedIn(server, other);
        Assert.Equal(200, (await owner.Get($"/executions/{execution}")).Status);
    }
}
