using Deque.AxeCore.Playwright;
using Robson.Dashboard.Tests.Support;

namespace Robson.Dashboard.Tests.Browser;

/// <summary>
/// Every page at a laptop's and a phone's size: no horizontal overflow on the phone, no serious or critical
/// accessibility violation (axe-core), nothing fetched from elsewhere. With UPDATE_SCREENSHOTS=1 the screenshots under
/// docs/screenshots are written again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesTests(BrowserFixture fixture)
{
    private static readonly (int Width, int Height)[] Sizes = [(1280, 800), (390, 844)];

    private static async Task<(string Name, string Path, string Token)[]> Pages(Desk desk)
    {
        var plan = (await desk.Server.Get(desk.Trader, $"/v1/executions/{desk.FilledExecution}")).Json.GetProperty("plan_id").GetString()!;
        var stop = (await desk.Server.Get(desk.Trader, "/v1/orders")).Json.GetProperty("orders")[0].GetProperty("client_order_id").GetString()!;
        var latest = (await desk.Server.Get(desk.Risk, "/v1/audit/events?limit=1")).Json.GetProperty("events")[0].GetProperty("event_id").GetString()!;
        return
        [
            ("login", "/login", ""),
            ("today-risk", "/", desk.Risk),
            ("today-trader", "/", desk.Trader),
            ("executions", "/executions", desk.Trader),
            ("execution", $"/executions/{desk.FilledExecution}", desk.Trader),
            ("plan", $"/plans/{plan}", desk.Trader),
            ("analytics", "/analytics", desk.Trader),
            ("audit", "/audit", desk.Risk),
            ("audit-event", $"/audit/events/{latest}", desk.Risk),
            ("halt", "/actions/halt", desk.Risk),
            ("cancel", $"/actions/cancel?order={stop}", desk.Trader),
        ];
    }

    [Fact]
    public async Task EveryPage_HasNoSeriousOrCriticalAccessibilityViolation()
    {
        await using var desk = await Desk.Open();
        var failures = new List<string>();
        foreach (var (name, path, token) in await Pages(desk))
        {
            await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address);
            if (token.Length > 0) await browser.SignIn(token);
            await browser.Page.GotoAsync(path);
            var result = await browser.Page.RunAxe();
            failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            Assert.Empty(browser.Outside);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPage_FitsALaptopAndAPhone_WithoutHorizontalScrolling()
    {
        await using var desk = await Desk.Open();
        var write = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        if (write) Directory.CreateDirectory(folder);
        foreach (var (name, path, token) in await Pages(desk))
            foreach (var (width, height) in Sizes)
            {
                await using var browser = await DeskBrowser.Open(fixture, desk.Server.Address, width, height);
                if (token.Length > 0) await browser.SignIn(token);
                var answer = await browser.Page.GotoAsync(path);
                Assert.True(answer!.Ok, $"{name}: {answer.Status}");
                var scrollWidth = await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{name} at {width}x{height} scrolls sideways: {scrollWidth} px wide");
                if (write)
                    await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}x{height}.png"), FullPage = false });
            }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Robson.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Robson.slnx not found above " + AppContext.BaseDirectory);
    }
}
