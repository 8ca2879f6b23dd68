using System.Text.Json;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Dashboard;

/// <summary>Actions by role, each confirmed, CSRF-protected, run through the API's own use case and audited as the session's token.</summary>
public sealed class DashboardActionTests
{
    [Fact]
    public async Task RiskHalts_WithTheCsrfToken_TheStateChangesEverywhere_AndTheAuditNamesTheTokenAndRole()
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("1", "risk", name: "risk-officer");
        using var browser = await Browserless.SignedIn(server, risk);

        var today = await browser.Get("/");
        Assert.Contains("id=\"halt\"", today.Body);
        var confirm = await browser.Get("/actions/halt");
        Assert.Equal(200, confirm.Status);
        Assert.Contains("client 1", confirm.Body); // the confirmation names the tenant
        Assert.Contains("name=\"reason\"", confirm.Body);

        var halted = await browser.Post("/actions/halt", new() { ["reason"] = "desk review" });
        Assert.True(halted.Status == 303, halted.ToString());
        var status = (await server.Get(risk, "/v1/status")).Json.GetProperty("trading_state");
        Assert.Equal("HALTED", status.GetProperty("state").GetString());
        Assert.Equal("desk review", status.GetProperty("reason").GetString());
        Assert.Contains("HALTED", (await browser.Get("/today/live")).Body);

        var events = server.Cli.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray()
            .First(e => e.GetProperty("kind").GetString() == "TRADING_HALTED");
        Assert.Equal("risk-officer", events.GetProperty("actor").GetString());
        Assert.Equal("risk", events.GetProperty("role").GetString());
        Assert.Contains("dashboard POST /actions/halt", events.GetProperty("command").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task AnActionWithoutItsCsrfToken_IsRefused_AndChangesNothing(string? csrf)
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("1", "risk");
        using var browser = await Browserless.SignedIn(server, risk);
        var fields = new Dictionary<string, string> { ["reason"] = "forged" };
        if (csrf is not null) fields["csrf"] = csrf;
        var answer = await browser.Post("/actions/halt", fields, csrf: false);
        Assert.Equal(403, answer.Status);
        Assert.Contains("CSRF", answer.Body);
        Assert.Equal("ACTIVE", (await server.Get(risk, "/v1/status")).Json.GetProperty("trading_state").GetProperty("state").GetString());
    }

    [Fact]
    public async Task AFormPostedFromAnotherSite_IsRefused_EvenWithTheToken()
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("1", "risk");
        using var browser = await Browserless.SignedIn(server, risk);
        var answer = await browser.Post("/actions/halt", new() { ["reason"] = "x" }, origin: "https://evil.example");
        Assert.Equal(403, answer.Status);
        Assert.Equal("ACTIVE", (await server.Get(risk, "/v1/status")).Json.GetProperty("trading_state").GetProperty("state").GetString());
        Assert.Equal(403, (await new Browserless(server).Post("/login", new() { ["token"] = risk }, csrf: false, origin: "https://evil.example")).Status);
    }

    [Fact]
    public async Task ATrader_SeesNoKillSwitch_AndIsRefusedIt_AViewerHasNoActionAtAll()
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("1", "risk");
        using var trader = await Browserless.SignedIn(server, server.Token("1", "trader"));
        Assert.DoesNotContain("id=\"halt\"", (await trader.Get("/")).Body);
        Assert.Equal(403, (await trader.Get("/actions/halt")).Status);
        Assert.Equal(403, (await trader.Post("/actions/halt", new() { ["reason"] = "x" })).Status);
        Assert.Equal("ACTIVE", (await server.Get(risk, "/v1/status")).Json.GetProperty("trading_state").GetProperty("state").GetString());

        using var viewer = await Browserless.SignedIn(server, server.Token("1", "viewer"));
        var page = (await viewer.Get("/")).Body;
        Assert.DoesNotContain("/actions/", page);
        foreach (var action in new[] { "halt", "reduce-only", "resume", "cancel?order=x" })
            Assert.Equal(403, (await viewer.Get("/actions/" + action)).Status);
        Assert.Equal(403, (await viewer.Get("/audit")).Status);
    }

    [Fact]
    public async Task Resume_NeedsTheExplicitAcknowledgement()
    {
        await using var server = await ServerHarness.Start();
        var risk = server.Token("1", "risk");
        using var browser = await Browserless.SignedIn(server, risk);
        Assert.Equal(303, (await browser.Post("/actions/halt", new() { ["reason"] = "lunch" })).Status);

        var refused = await browser.Post("/actions/resume", new());
        Assert.Equal(400, refused.Status);
        Assert.Contains("acknowledge", refused.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("HALTED", (await server.Get(risk, "/v1/status")).Json.GetProperty("trading_state").GetProperty("state").GetString());

        Assert.Equal(303, (await browser.Post("/actions/resume", new() { ["acknowledge"] = "on" })).Status);
        Assert.Equal("ACTIVE", (await server.Get(risk, "/v1/status")).Json.GetProperty("trading_state").GetProperty("state").GetString());
    }

    [Fact]
    public async Task AReasonIsShownAsText_NeverAsMarkup()
    {
        await using var server = await ServerHarness.Start();
        using var browser = await Browserless.SignedIn(server, server.Token("1", "risk"));
        Assert.Equal(303, (await browser.Post("/actions/halt", new() { ["reason"] = "<script>alert(1)</script>" })).Status);
        var today = (await browser.Get("/")).Body;
        Assert.DoesNotContain("<script>alert(1)</script>", today);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", today);
    }

    [Fact]
    public async Task ATrader_CancelsAnOpenOrder_ThroughAConfirmation_PlannedValidatedAndExecuted()
    {
        await using var server = await ServerHarness.Start(cli => cli.Expect(0, "paper", "deposit", "USDT", "10000", "--client-id", "1"));
        var risk = server.Token("1", "risk");
        var trader = server.Token("1", "trader", name: "desk");
        var strategy = (await server.Post(risk, "/v1/strategies", new Dictionary<string, object>
        {
            ["name"] = "swing", ["max_drawdown_percent"] = "20", ["stop_loss_percent"] = "5", ["live_enabled"] = true,
            ["max_orders_per_day"] = 10, ["max_notional_per_day"] = "100000", ["max_loss_per_day"] = "1000",
        })).Json.GetProperty("strategy_id").GetInt64();
        // A buy that fills leaves its protective stop resting: an open order to cancel.
        var plan = (await server.Post(trader, "/v1/plans", new Dictionary<string, object>
        {
            ["side"] = "buy", ["symbol"] = "BTCUSDT", ["quantity"] = "0.001", ["limit"] = "60010", ["stop_loss"] = "57100", ["strategy_id"] = strategy,
        })).Json.GetProperty("plan_id").GetString()!;
        await server.Post(trader, $"/v1/plans/{plan}/validate");
        var live = await server.Post(trader, $"/v1/plans/{plan}/execute", new { mode = "live", acknowledge_risk = true });
        Assert.True(live.Json.GetProperty("status").GetString() == "SUCCESS", live.ToString());
        var open = (await server.Get(trader, "/v1/orders")).Json.GetProperty("orders").EnumerateArray().Single();
        var order = open.GetProperty("client_order_id").GetString()!;

        using var browser = await Browserless.SignedIn(server, trader);
        Assert.Contains($"/actions/cancel?order={order}", (await browser.Get("/")).Body);
        var confirm = await browser.Get($"/actions/cancel?order={order}");
        Assert.Equal(200, confirm.Status);
        Assert.Contains(order, confirm.Body);
        Assert.Contains("client 1", confirm.Body);

        Assert.Equal(400, (await browser.Post("/actions/cancel", new() { ["order"] = order })).Status); // no acknowledgement
        var done = await browser.Post("/actions/cancel", new() { ["order"] = order, ["acknowledge"] = "on" });
        Assert.True(done.Status == 303, done.ToString());
        Assert.StartsWith("/executions/", done.Message.Headers.Location?.ToString());
        Assert.Empty((await server.Get(trader, "/v1/orders")).Json.GetProperty("orders").EnumerateArray());
        var execution = await browser.Get(done.Message.Headers.Location!.ToString());
        Assert.Equal(200, execution.Status);
        Assert.Contains("LIVE", execution.Body);
    }
}
