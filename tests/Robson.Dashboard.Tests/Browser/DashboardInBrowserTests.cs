using System.Text.Json;
using Microsoft.Playwright;
using Robson.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Robson.Dashboard.Tests.Browser;

/// <summary>The issue's "how to show it", in Debian's Chromium: sign-in, live numbers, roles, tenants, CSRF, charts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardInBrowserTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions ThreeSeconds = new() { Timeout = 3000 };

    [Fact]
    public async Task SignIn_TheTodayPageShowsTheNumbersTheApiGives_AndNothingLeavesTheMachine()
    {
        await using var desk = await Desk.Open();
        await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address);
        await browser.SignIn(desk.Trader);
        var page = browser.Page;

        var status = (await desk.Server.Get(desk.Trader, "/v1/status")).Json;
        var report = (await desk.Server.Get(desk.Trader, "/v1/report")).Json;
        await Expect(page.Locator("#tenant")).ToHaveTextAsync("client 1");
        await Expect(page.Locator("#role")).ToHaveTextAsync("trader");
        await Expect(page.Locator("#trading-state tr[data-venue='paper'] .state")).ToHaveTextAsync(status.GetProperty("trading_state").GetProperty("state").GetString()!);
        await Expect(page.Locator("[data-field='realised_pnl']")).ToHaveTextAsync(report.GetProperty("realised_pnl").GetRawText());
        await Expect(page.Locator("[data-field='fees']")).ToHaveTextAsync(report.GetProperty("fees").GetRawText());
        await Expect(page.Locator("[data-field='fills']")).ToHaveTextAsync(report.GetProperty("fills").GetRawText());
        foreach (var limit in status.GetProperty("venues")[0].GetProperty("strategies")[0].GetProperty("limits").EnumerateArray())
        {
            var bar = page.Locator($".limit[data-limit='{limit.GetProperty("limit").GetString()}'][data-venue='paper']");
            await Expect(bar).ToHaveAttributeAsync("data-used", limit.GetProperty("used").GetRawText());
            await Expect(bar).ToHaveAttributeAsync("data-max", limit.GetProperty("max").GetRawText());
        }
        var position = status.GetProperty("venues")[0].GetProperty("positions")[0];
        await Expect(page.Locator("#positions tr[data-symbol='BTCUSDT']")).ToContainTextAsync(position.GetProperty("average_cost").GetRawText());
        var stop = status.GetProperty("venues")[0].GetProperty("open_orders")[0].GetProperty("client_order_id").GetString()!;
        await Expect(page.Locator($"#open-orders tr[data-order='{stop}']")).ToBeVisibleAsync();

        Assert.DoesNotContain(desk.Trader, await page.ContentAsync());
        Assert.DoesNotContain(desk.Trader, page.Url);
        var cookie = Assert.Single(await browser.Context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Empty(browser.Outside);
    }

    [Fact]
    public async Task ALiveFillMadeThroughTheApi_AppearsOnAnOpenTodayPage_WithinThreeSeconds()
    {
        await using var desk = await Desk.Open();
        await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address);
        await browser.SignIn(desk.Trader);
        var fills = browser.Page.Locator("[data-field='fills']");
        var before = int.Parse(await fills.InnerTextAsync());

        await desk.LiveBuy("0.004");

        await Expect(fills).ToHaveTextAsync((before + 1).ToString(), ThreeSeconds);
        var report = (await desk.Server.Get(desk.Trader, "/v1/report")).Json;
        await Expect(browser.Page.Locator("[data-field='notional']")).ToHaveTextAsync(report.GetProperty("notional").GetRawText(), ThreeSeconds);
        Assert.Empty(browser.Outside);
    }

    [Fact]
    public async Task ATraderSeesNoHaltButton_ARiskOfficerHalts_AndTheStateChangesEverywhere()
    {
        await using var desk = await Desk.Open();
        await using var trader = await DeskBrowser.Open(fixture, desk.Server.Address);
        await trader.SignIn(desk.Trader);
        await Expect(trader.Page.Locator("#halt")).ToHaveCountAsync(0);
        await Expect(trader.Page.Locator("#trading-state .state").First).ToHaveTextAsync("ACTIVE");
        var refused = await trader.Page.GotoAsync("/actions/halt");
        Assert.Equal(403, refused!.Status);
        await trader.Page.GotoAsync("/");

        await using var risk = await DeskBrowser.Open(fixture, desk.Server.Address);
        await risk.SignIn(desk.Risk);
        await risk.Page.ClickAsync("#halt");
        await Expect(risk.Page.Locator("#confirm-tenant")).ToContainTextAsync("client 1");
        await risk.Page.FillAsync("#reason", "desk review");
        await risk.Page.ClickAsync("#confirm button[type=submit]");
        await Expect(risk.Page.Locator("#trading-state .state").First).ToHaveTextAsync("HALTED");

        await Expect(trader.Page.Locator("#trading-state .state").First).ToHaveTextAsync("HALTED", ThreeSeconds);
        await Expect(trader.Page.Locator("#trading-state tr[data-venue='paper']")).ToContainTextAsync("desk review", new() { Timeout = 3000 });
        var status = (await desk.Server.Get(desk.Trader, "/v1/status")).Json.GetProperty("trading_state");
        Assert.Equal("HALTED", status.GetProperty("state").GetString());
        var halted = desk.Server.Cli.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray()
            .First(e => e.GetProperty("kind").GetString() == "TRADING_HALTED");
        Assert.Equal(("risk-officer", "risk"), (halted.GetProperty("actor").GetString(), halted.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task AnotherTenantsExecutionId_Answers404()
    {
        await using var desk = await Desk.Open();
        var other = desk.Server.Token("2", "trader");
        var plan = (await desk.Server.Post(other, "/v1/plans", new { side = "sell", symbol = "BTCUSDT", quantity = "0.001" })).Json.GetProperty("plan_id").GetString()!;
        var theirs = (await desk.Server.Post(other, $"/v1/plans/{plan}/execute", new { })).Json.GetProperty("execution_id").GetString()!;

        await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address);
        await browser.SignIn(desk.Risk);
        var answer = await browser.Page.GotoAsync($"/executions/{theirs}");
        Assert.Equal(404, answer!.Status);
        await Expect(browser.Page.Locator("#error")).ToContainTextAsync("not found");
        Assert.Equal(200, (await browser.Page.GotoAsync($"/executions/{desk.FilledExecution}"))!.Status);
    }

    [Fact]
    public async Task AnActionWithoutItsCsrfToken_IsRefused_AndChangesNothing()
    {
        await using var desk = await Desk.Open();
        await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address);
        await browser.SignIn(desk.Risk);
        await browser.Page.GotoAsync("/actions/halt");
        await browser.Page.EvaluateAsync("document.querySelector('#confirm input[name=csrf]').remove()");
        await browser.Page.FillAsync("#reason", "forged");
        var response = await browser.Page.RunAndWaitForResponseAsync(() => browser.Page.ClickAsync("#confirm button[type=submit]"),
            r => r.Url.EndsWith("/actions/halt", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(403, response.Status);
        await Expect(browser.Page.Locator("#error")).ToContainTextAsync("CSRF");
        // The same post from a script with the session's cookie but no token: refused too.
        var scripted = await browser.Context.APIRequest.PostAsync("/actions/halt", new APIRequestContextOptions
        {
            Form = browser.Context.APIRequest.CreateFormData().Set("reason", "forged"),
        });
        Assert.Equal(403, scripted.Status);
        Assert.Equal("ACTIVE", (await desk.Server.Get(desk.Risk, "/v1/status")).Json.GetProperty("trading_state").GetProperty("state").GetString());
    }

    [Fact]
    public async Task EachChartsCsv_MatchesTheApi()
    {
        await using var desk = await Desk.Open();
        var api = (await desk.Server.Get(desk.Trader, "/v1/analytics")).Json;
        await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address);
        await browser.SignIn(desk.Trader);
        await browser.Page.GotoAsync("/analytics");
        foreach (var (chart, series) in new[] { ("pnl", "pnl_by_day"), ("notional", "notional_by_day"), ("blocks", "blocks_by_guard_by_day"),
                     ("validations", "validations_by_day"), ("slippage", "slippage") })
        {
            var figure = browser.Page.Locator($"figure[data-chart='{chart}']");
            await Expect(figure.Locator("svg")).ToBeVisibleAsync();
            var download = await browser.Page.RunAndWaitForDownloadAsync(() => figure.Locator("a.csv").ClickAsync());
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var rows = api.GetProperty(series).EnumerateArray().ToList();
            Assert.True(rows.Count > 0, $"{series}: the desk's day should fill it");
            Assert.Equal(rows[0].EnumerateObject().Select(p => p.Name), lines[0].Split(','));
            Assert.Equal(rows.Select(r => string.Join(',', r.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))),
                lines.Skip(1));
        }
        Assert.Empty(browser.Outside);
    }
}
