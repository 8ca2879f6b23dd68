using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Robson.Server.Tests.Support;
using Robson.Server.Webhooks;

namespace Robson.Server.Tests.Webhooks;

/// <summary>
/// End to end: a webhook added with the CLI receives the tenant's events, from the API's requests and the CLI's commands
/// alike, signed with its secret; a receiver that keeps failing gets every retry and then a dead letter, while trading
/// goes on; the secret appears nowhere but in `webhook add`'s answer.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static Task<ServerHarness> StartServer() =>
        ServerHarness.Start(cli => cli.Environment[WebhookDeliveryOptions.PollVariable] = "25");

    private static (string Id, string Secret) AddWebhook(ServerHarness server, WebhookReceiver receiver, string events)
    {
        var added = server.Cli.Expect(0, "webhook", "add", receiver.Url, "--client-id", "1", "--events", events, "--json").Json;
        return (added.GetProperty("id").GetString()!, added.GetProperty("secret").GetString()!);
    }

    /// <summary>What a receiver should do: recompute the HMAC of "t.body" with the secret and compare.</summary>
    private static void AssertSignedWith(string secret, ReceivedHook hook, DateTimeOffset now)
    {
        var parts = hook.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parts["t"] + "." + hook.Body)));
        Assert.Equal(expected, parts["v1"]);
        Assert.Equal(now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), parts["t"]);
    }

    [Fact]
    public async Task AHaltThroughTheApi_IsDelivered_SignedWithTheSecret()
    {
        await using var receiver = await WebhookReceiver.Start();
        await using var server = await StartServer();
        var (_, secret) = AddWebhook(server, receiver, "halt");
        var risk = server.Token("1", "risk");

        var halt = await server.Post(risk, "/v1/trading-state/halt", new { reason = "desk closed" });
        Assert.True(halt.Status == 200, halt.ToString());

        await WebhookReceiver.Until(() => !receiver.Received.IsEmpty, what: "the halt event");
        var hook = Assert.Single(receiver.Received);
        AssertSignedWith(secret, hook, server.Cli.Clock.GetUtcNow());
        Assert.StartsWith("application/json", hook.ContentType);
        var body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal(["id", "type", "client_id", "occurred_at", "plan_id", "audit_kind", "result", "data"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("halt", 1, "TRADING_HALTED", "HALTED", "desk closed"), (body.GetProperty("type").GetString(), body.GetProperty("client_id").GetInt64(),
            body.GetProperty("audit_kind").GetString(), body.GetProperty("result").GetString(), body.GetProperty("data").GetProperty("reason").GetString()));
        var halted = server.Cli.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "TRADING_HALTED");
        Assert.Equal(halted.GetProperty("event_id").GetString(), body.GetProperty("id").GetString());
        Assert.Equal(hook.EventId, body.GetProperty("id").GetString());
        var listed = server.Cli.Expect(0, "webhook", "list", "--client-id", "1", "--json").Json.GetProperty("webhooks")[0];
        Assert.Equal("DELIVERED", listed.GetProperty("last_delivery_state").GetString());
    }

    [Fact]
    public async Task EventsOfCliCommands_AreDeliveredToo_AFillAndABlockedLive_OnlyTheSubscribedOnes()
    {
        await using var receiver = await WebhookReceiver.Start();
        await using var server = await StartServer();
        AddWebhook(server, receiver, "fill,blocked");
        var cli = server.Cli;
        cli.Expect(0, "paper", "deposit", "USDT", "10000", "--client-id", "1");
        var strategy = cli.CreateLiveStrategy();
        var plan = cli.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--stop-loss", "2860");
        cli.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        cli.Expect(1, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk"); // SingleLiveExecution blocks it
        cli.Expect(0, "execute", plan, "--client-id", "1"); // a DRY-RUN: never an event
        cli.Expect(0, "halt", "--client-id", "1", "--reason", "not subscribed");

        await WebhookReceiver.Until(() => receiver.Received.Count >= 2, what: "the fill and the block");
        await Task.Delay(300); // anything else would have come by now
        var types = receiver.Received.Select(h => JsonDocument.Parse(h.Body).RootElement)
            .Select(b => (b.GetProperty("type").GetString(), b.GetProperty("plan_id").GetString())).ToList();
        // Deliveries go out in parallel: their order of arrival is not the events' order.
        Assert.Equal([("blocked", plan), ("fill", plan)], types.Order().ToList());
        var blocked = receiver.Received.Select(h => JsonDocument.Parse(h.Body).RootElement).Single(b => b.GetProperty("type").GetString() == "blocked");
        Assert.Equal(("BLOCKED", "LIVE"), (blocked.GetProperty("result").GetString(), blocked.GetProperty("data").GetProperty("mode").GetString()));
    }

    [Fact]
    public async Task AFailingReceiver_IsRetriedThenDeadLettered_WhileTradingGoesOn_AndTheSecretIsShownNowhere()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Status = 500;
        await using var server = await StartServer();
        var (id, secret) = AddWebhook(server, receiver, "halt");
        var risk = server.Token("1", "risk");
        var trader = server.Token("1", "trader");

        Assert.Equal(200, (await server.Post(risk, "/v1/trading-state/halt", new { reason = "failing receiver" })).Status);
        await WebhookReceiver.Until(() => receiver.Received.Count == 1, what: "the first attempt");
        for (var attempt = 2; attempt <= 6; attempt++)
        {
            // A retry is due only once the clock passes its backoff; trading requests are answered meanwhile.
            var plan = await server.Post(trader, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" });
            Assert.True(plan.Status == 201, plan.ToString());
            Assert.Equal(attempt - 1, receiver.Received.Count);
            server.Cli.Clock.Advance(TimeSpan.FromSeconds(Math.Pow(2, attempt - 2)));
            var expected = attempt;
            await WebhookReceiver.Until(() => receiver.Received.Count == expected, what: $"attempt {attempt}");
        }
        await WebhookReceiver.Until(() => server.Cli.Expect(0, "webhook", "dead-letters", "--client-id", "1", "--json")
            .Json.GetProperty("dead_letters").GetArrayLength() == 1, what: "the dead letter");

        server.Cli.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        Assert.Equal(6, receiver.Received.Count); // a dead letter is never retried
        Assert.Single(receiver.Received.Select(h => h.EventId).Distinct());
        var dead = server.Cli.Expect(0, "webhook", "dead-letters", "--client-id", "1", "--json").Json.GetProperty("dead_letters")[0];
        Assert.Equal((id, "halt", 6, "HTTP 500 Internal Server Error"), (dead.GetProperty("webhook_id").GetString(), dead.GetProperty("type").GetString(),
            dead.GetProperty("attempts").GetInt32(), dead.GetProperty("last_error").GetString()));
        var listed = server.Cli.Expect(0, "webhook", "list", "--client-id", "1", "--json");
        Assert.Equal(("DEAD", 1), (listed.Json.GetProperty("webhooks")[0].GetProperty("last_delivery_state").GetString(),
            listed.Json.GetProperty("webhooks")[0].GetProperty("dead_letters").GetInt32()));

        Assert.DoesNotContain(secret, listed.Stdout);
        Assert.DoesNotContain(secret, server.Cli.Expect(0, "webhook", "list", "--client-id", "1").Stdout);
        Assert.DoesNotContain(secret, server.Cli.Expect(0, "webhook", "dead-letters", "--client-id", "1").Stdout);
        Assert.DoesNotContain(secret, server.Cli.Expect(0, "audit", "export", "--client-id", "1", "--format", "jsonl").Stdout);
        Assert.DoesNotContain(secret, server.Log.ToString());
        Assert.DoesNotContain(receiver.Received.First().Signature.Split("v1=")[1], server.Log.ToString());
        Assert.Contains("dead letter", server.Log.ToString());
    }

    [Fact]
    public async Task ARemovedWebhook_ReceivesNothingMore()
    {
        await using var receiver = await WebhookReceiver.Start();
        await using var server = await StartServer();
        var (id, _) = AddWebhook(server, receiver, "halt");
        server.Cli.Expect(0, "webhook", "remove", id, "--client-id", "1");

        server.Cli.Expect(0, "halt", "--client-id", "1", "--reason", "after removal");
        await Task.Delay(300);

        Assert.Empty(receiver.Received);
    }
}
