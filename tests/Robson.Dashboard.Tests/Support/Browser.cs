using Microsoft.Playwright;

namespace Robson.Dashboard.Tests.Support;

/// <summary>One headless Debian Chromium for the collection; each test gets its own contexts (own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumBinary.Path,
            Headless = true,
            // Without the background-networking flags Chromium tries Google's hosts at start, which this machine refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A browser context on the dashboard: it records every request that would leave 127.0.0.1 (and aborts it), so a test
/// can assert that the dashboard needs nothing from elsewhere.
/// </summary>
public sealed class DeskBrowser : IAsyncDisposable
{
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> Outside { get; } = [];
    private readonly Uri _base;

    private DeskBrowser(IBrowserContext context, IPage page, Uri address)
    {
        Context = context;
        Page = page;
        _base = address;
    }

    public static async Task<DeskBrowser> Open(BrowserFixture fixture, Uri address, int width = 1280, int height = 800)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = address.ToString() });
        var browser = new DeskBrowser(context, await context.NewPageAsync(), address);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "about" || (url.Host == address.Host && url.Port == address.Port)) await route.ContinueAsync();
            else
            {
                lock (browser.Outside) browser.Outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return browser;
    }

    /// <summary>Signs in through the form at /login, as a person would.</summary>
    public async Task SignIn(string token)
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#token", token);
        await Page.ClickAsync("#login button[type=submit]");
        await Page.WaitForURLAsync(new Uri(_base, "/").ToString());
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
