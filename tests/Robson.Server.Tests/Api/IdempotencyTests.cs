using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Api;

/// <summary>Idempotency-Key: a retried request answers what the first one did, and never runs twice.</summary>
public sealed class IdempotencyTests
{
    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task TheSameKeyAndBody_ReplaysTheAnswer_AndCreatesOnePlan()
    {
        await using var server = await ServerHarness.Start();
        var trader = server.Token("1", "trader");
        var body = new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" };
        var first = await server.Post(trader, "/v1/plans", body, Key("k-1"));
        var again = await server.Post(trader, "/v1/plans", body, Key("k-1"));
        Assert.Equal(201, first.Status);
        Assert.Equal(201, again.Status);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Single(server.Cli.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").EnumerateArray());
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_Is422_AndRunsNothing()
    {
        await using var server = await ServerHarness.Start();
        var trader = server.Token("1", "trader");
        await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" }, Key("k-2"));
        var other = await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.002" }, Key("k-2"));
        Assert.Equal(422, other.Status);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", other.Json.GetProperty("code").GetString());
        Assert.Single(server.Cli.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").EnumerateArray());
    }

    [Fact]
    public async Task AServerOrVenueFailure_IsNotKept_ARetryRunsAfresh()
    {
        await using var server = await ServerHarness.Start();
        server.Cli.Expect(0, "venue", "add", "down", "--kind", "binance-compatible", "--base-url", "http://127.0.0.1:9", "--client-id", "1");
        var trader = server.Token("1", "trader");
        var body = new { side = "buy", symbol = "BTCUSDT", quantity = "0.001", venue = "down" };
        var first = await server.Post(trader, "/v1/plans", body, Key("k-down"));
        Assert.True(first.Status == 503, first.ToString());
        Assert.Equal("VENUE_UNAVAILABLE", first.Json.GetProperty("code").GetString());
        var retry = await server.Post(trader, "/v1/plans", body, Key("k-down"));
        Assert.Equal(503, retry.Status);
        Assert.Null(retry.Header("Idempotent-Replayed")); // it ran again: the venue might be back
    }

    [Fact]
    public async Task KeysArePerTenant_AndForgottenAfter24Hours()
    {
        await using var server = await ServerHarness.Start();
        var body = new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" };
        var one = await server.Post(server.Token("1", "trader"), "/v1/plans", body, Key("shared"));
        var two = await server.Post(server.Token("2", "trader"), "/v1/plans", body, Key("shared"));
        Assert.Equal(201, two.Status);
        Assert.NotEqual(one.Body, two.Body);
        server.Cli.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var later = await server.Post(server.Token("1", "trader"), "/v1/plans", body, Key("shared"));
        Assert.Null(later.Header("Idempotent-Replayed"));
        Assert.Equal(2, server.Cli.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task ARetriedLiveExecute_NeverSendsTwice_EvenWhenRetriedAtOnce()
    {
        await using var server = await ServerHarness.Start(cli => cli.CreateLiveStrategy());
        var plan = server.Cli.ValidatedPlan("1", "1", "buy", "BTCUSDT", "0.001", "--limit", "59000");
        var trader = server.Token("1", "trader");
        var live = new { mode = "live", acknowledge_risk = true };
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Post(trader, $"/v1/plans/{plan}/execute", live, Key("live-1"))));
        Assert.All(replies, r => Assert.True(r.Status is 200 or 409, r.ToString()));
        var executions = server.Cli.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions");
        Assert.Equal(1, executions.GetArrayLength());
        var after = await server.Post(trader, $"/v1/plans/{plan}/execute", live, Key("live-1"));
        Assert.Equal("true", after.Header("Idempotent-Replayed"));
        Assert.Equal(1, server.Cli.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions").GetArrayLength());
    }
}
