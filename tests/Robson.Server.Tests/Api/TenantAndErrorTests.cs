using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Api;

/// <summary>The tenant comes from the token only; errors are problem+json with the CLI's codes.</summary>
public sealed class TenantAndErrorTests
{
    [Fact]
    public async Task AnotherTenantsPlan_IsNotFound_ExactlyLikeAMissingOne()
    {
        await using var server = await ServerHarness.Start();
        var planOfOne = server.Cli.Plan("1", "sell", "BTCUSDT", "0.001");
        var traderOfTwo = server.Token("2", "trader");

        var theirs = await server.Get(traderOfTwo, $"/v1/plans/{planOfOne}");
        var missing = await server.Get(traderOfTwo, "/v1/plans/0123456789ab");
        Assert.Equal(404, theirs.Status);
        Assert.Equal(404, missing.Status);
        Assert.Equal("NOT_FOUND", theirs.Json.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", theirs.ContentType);
        Assert.Equal(404, (await server.Post(traderOfTwo, $"/v1/plans/{planOfOne}/execute", new { })).Status);
        Assert.Empty(server.Cli.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions").EnumerateArray());
    }

    [Fact]
    public async Task AClientIdThatIsNotTheTokens_IsNotFound_InABodyOrAQuery()
    {
        await using var server = await ServerHarness.Start();
        var trader = server.Token("2", "trader");
        var body = await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001", client_id = 1 });
        Assert.Equal(404, body.Status);
        Assert.Equal(404, (await server.Get(trader, "/v1/executions?client_id=1")).Status);
        Assert.Empty(server.Cli.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").EnumerateArray());
        // Its own id is accepted.
        Assert.Equal(201, (await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001", client_id = 2 })).Status);
    }

    [Fact]
    public async Task TheOperator_ReadsAnyTenant_ButChangesNothing()
    {
        await using var server = await ServerHarness.Start();
        var plan = server.Cli.Plan("1", "sell", "BTCUSDT", "0.001");
        var operatorOfNine = server.Token("9", "operator");
        Assert.Equal(200, (await server.Get(operatorOfNine, $"/v1/plans/{plan}?client_id=1")).Status);
        Assert.Equal(200, (await server.Get(operatorOfNine, "/v1/audit/events?all_tenants=true")).Status);
        Assert.Equal(403, (await server.Post(operatorOfNine, $"/v1/plans/{plan}/execute", new { client_id = 1 })).Status);
        Assert.Equal(403, (await server.Get(server.Token("1", "auditor"), "/v1/audit/events?all_tenants=true")).Status);
    }

    [Theory]
    [InlineData(null, 401, "UNAUTHORIZED")]
    [InlineData("rbs_0000000000000000000000000000000000000000000000000000000000000000", 401, "UNAUTHORIZED")]
    public async Task NoValidToken_Is401(string? token, int status, string code)
    {
        await using var server = await ServerHarness.Start();
        var reply = await server.Get(token!, "/v1/report");
        Assert.Equal(status, reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("code").GetString());
        Assert.Equal("Bearer", reply.Message.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task RevokedAndExpiredTokens_AreRefused()
    {
        await using var server = await ServerHarness.Start();
        var revoked = server.Token("1", "viewer");
        var id = server.Cli.Expect(0, "token", "list", "--client-id", "1", "--json").Json.GetProperty("tokens")[0].GetProperty("id").GetString()!;
        server.Cli.Expect(0, "token", "revoke", id, "--client-id", "1");
        Assert.Equal(401, (await server.Get(revoked, "/v1/report")).Status);

        var expiring = server.Cli.Expect(0, "token", "create", "--client-id", "1", "--role", "viewer", "--expires", "1", "--json").Json.GetProperty("token").GetString()!;
        Assert.Equal(200, (await server.Get(expiring, "/v1/report")).Status);
        server.Cli.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var expired = await server.Get(expiring, "/v1/report");
        Assert.Equal(401, expired.Status);
        Assert.Contains("expired", expired.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"side": "buy", "symbol": "BTCUSDT", "quantity": "0.001", "limt": "5"}""", 400, "UNKNOWN_OPTION", "limt")]
    [InlineData("""{"side": "buy", "symbol": "BTCUSDT"}""", 400, "MISSING_ARGUMENT", "QUANTITY")]
    [InlineData("""{"side": "hold", "symbol": "BTCUSDT", "quantity": "1"}""", 400, "INVALID_INPUT", "side")]
    [InlineData("""{"side": "buy", "symbol": "BTCUSDT", "quantity": "-1"}""", 400, "INVALID_INPUT", "QUANTITY")]
    [InlineData("""[1, 2]""", 400, "INVALID_INPUT", "JSON object")]
    [InlineData("""{"side": """, 400, "INVALID_INPUT", "not valid JSON")]
    [InlineData("""{"side": "sell", "symbol": "BTCUSDT", "quantity": "1", "output": "/etc/passwd"}""", 400, "UNKNOWN_OPTION", "output")]
    public async Task BadInput_IsAProblemWithTheCliCode_AndWritesNothing(string body, int status, string code, string mentions)
    {
        await using var server = await ServerHarness.Start();
        var reply = await server.Post(server.Token("1", "trader"), "/v1/plans", body);
        Assert.True(reply.Status == status, reply.ToString());
        Assert.Equal("application/problem+json", reply.ContentType);
        Assert.Equal(code, reply.Json.GetProperty("code").GetString());
        Assert.Contains(mentions, reply.Json.GetProperty("detail").GetString());
        Assert.Empty(server.Cli.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").EnumerateArray());
    }

    [Fact]
    public async Task AnExportsRefusal_CarriesTheCliCode()
    {
        await using var server = await ServerHarness.Start();
        var reply = await server.Get(server.Token("1", "auditor"), "/v1/audit/export?format=xml");
        Assert.Equal(400, reply.Status);
        Assert.Equal("application/problem+json", reply.ContentType);
        var cli = server.Cli.Expect(2, "audit", "export", "--client-id", "1", "--format", "xml", "--json").Json.GetProperty("error");
        Assert.Equal(cli.GetProperty("code").GetString(), reply.Json.GetProperty("code").GetString());
        Assert.Equal(cli.GetProperty("message").GetString(), reply.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownRoute_IsAProblem()
    {
        await using var server = await ServerHarness.Start();
        var reply = await server.Get(server.Token("1", "trader"), "/v1/nothing-here");
        Assert.Equal(404, reply.Status);
        Assert.Equal("application/problem+json", reply.ContentType);
    }

    [Fact]
    public async Task TheToken_NeverAppearsInLogsAuditOrStore()
    {
        await using var server = await ServerHarness.Start();
        var trader = server.Token("1", "trader");
        await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" });
        await server.Get(trader, "/v1/report");
        await server.Get(trader + "x", "/v1/report");
        Assert.Contains("/v1/report", server.Log.ToString()); // the request log is there …
        Assert.DoesNotContain(trader, server.Log.ToString()); // … without the token
        Assert.DoesNotContain(trader, server.Cli.Expect(0, "audit", "list", "--client-id", "1", "--json").Stdout);
        Assert.DoesNotContain(trader, System.Text.Encoding.UTF8.GetString(server.Cli.StoreBytes()));
    }
}
