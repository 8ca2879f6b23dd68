using Robson.Server.Dashboard;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Dashboard;

/// <summary>Signing in with a token, the session cookie, the headers every page carries, and a token that stops being valid.</summary>
public sealed class DashboardSessionTests
{
    [Fact]
    public async Task SignIn_SetsAnHttpOnlySameSiteStrictCookie_AndNoPageEverShowsTheToken()
    {
        await using var server = await ServerHarness.Start();
        var token = server.Token("1", "risk", name: "risk-desk");
        using var browser = new Browserless(server);

        var signIn = await browser.Post("/login", new() { ["token"] = token }, csrf: false);
        Assert.Equal(303, signIn.Status);
        Assert.Equal("/", signIn.Message.Headers.Location?.ToString());
        var cookie = Assert.Single(signIn.Message.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(Sessions.CookieName + "=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, cookie);

        foreach (var path in new[] { "/", "/today/live", "/executions", "/audit", "/actions/halt" })
        {
            var page = await browser.Get(path);
            Assert.True(page.Status == 200, $"{path}: {page}");
            Assert.DoesNotContain(token, page.Body);
            Assert.DoesNotContain(token[4..20], page.Body);
        }
        var today = await browser.Get("/");
        Assert.Contains("<span id=\"tenant\">client 1</span>", today.Body);
        Assert.Contains("<span id=\"role\">risk</span>", today.Body);
        Assert.DoesNotContain(token, server.Log.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("rbs_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not a token")]
    public async Task SignIn_WithAWrongToken_Is401_WithTheReason_AndNoCookie(string token)
    {
        await using var server = await ServerHarness.Start();
        using var browser = new Browserless(server);
        var answer = await browser.Post("/login", new() { ["token"] = token }, csrf: false);
        Assert.Equal(401, answer.Status);
        Assert.Contains("id=\"login-error\"", answer.Body);
        Assert.False(answer.Message.Headers.Contains("Set-Cookie"));
        Assert.Equal(303, (await browser.Get("/")).Status);
    }

    [Fact]
    public async Task WithoutASession_PagesSendToLogin_AndTheLiveFragmentIs401()
    {
        await using var server = await ServerHarness.Start();
        using var browser = new Browserless(server);
        foreach (var path in new[] { "/", "/executions", "/executions/abc", "/analytics", "/audit", "/actions/halt" })
        {
            var page = await browser.Get(path);
            Assert.True(page.Status == 303, $"{path}: {page}");
            Assert.Equal("/login", page.Message.Headers.Location?.ToString());
        }
        Assert.Equal(401, (await browser.Get("/today/live")).Status);
        Assert.Equal(200, (await browser.Get("/login")).Status);
    }

    [Fact]
    public async Task EveryAnswer_CarriesAStrictContentSecurityPolicy_AndIsNotCached()
    {
        await using var server = await ServerHarness.Start();
        using var browser = await Browserless.SignedIn(server, server.Token("1", "trader"));
        foreach (var path in new[] { "/login", "/", "/today/live", "/executions", "/assets/robson.css", "/assets/robson.js", "/executions/nosuch" })
        {
            var page = await browser.Get(path);
            // The policy as the issue asks it: nothing but this server's own script and style, no inline code, no framing.
            Assert.Equal("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; " +
                         "frame-ancestors 'none'; base-uri 'none'", page.Message.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", page.Message.Headers.GetValues("X-Content-Type-Options").Single());
            // No inline script or style for the policy to allow: every script and style comes from /assets.
            Assert.All(System.Text.RegularExpressions.Regex.Matches(page.Body, "<script[^>]*>").Select(m => m.Value),
                tag => Assert.Equal("<script src=\"/assets/robson.js\" defer>", tag));
            Assert.DoesNotContain(" style=", page.Body);
            Assert.DoesNotContain("<style", page.Body);
        }
        var today = await browser.Get("/");
        Assert.Contains("no-store", today.Message.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("http://", today.Body.Replace("http://www.w3.org", "")); // nothing from elsewhere
        Assert.DoesNotContain("https://", today.Body);
    }

    [Fact]
    public async Task ARevokedToken_EndsItsSessions_AtTheNextRequest()
    {
        await using var server = await ServerHarness.Start();
        var token = server.Token("1", "viewer", name: "wall-screen");
        using var browser = await Browserless.SignedIn(server, token);
        Assert.Equal(200, (await browser.Get("/")).Status);
        var id = server.Cli.Expect(0, "token", "list", "--client-id", "1", "--json").Json.GetProperty("tokens")[0].GetProperty("id").GetString()!;
        server.Cli.Expect(0, "token", "revoke", id, "--client-id", "1");
        var after = await browser.Get("/");
        Assert.Equal(303, after.Status);
        Assert.Equal(401, (await browser.Get("/today/live")).Status);
    }

    [Fact]
    public async Task SignOut_NeedsTheCsrfToken_ThenForgetsTheSession()
    {
        await using var server = await ServerHarness.Start();
        using var browser = await Browserless.SignedIn(server, server.Token("1", "viewer"));
        Assert.Equal(403, (await browser.Post("/logout", new(), csrf: false)).Status);
        Assert.Equal(200, (await browser.Get("/")).Status);
        Assert.Equal(303, (await browser.Post("/logout", new())).Status);
        Assert.Equal(303, (await browser.Get("/")).Status);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task SignIn_FromAnotherSite_IsRefused_SoNoOneIsSignedIntoAnotherTenantUnawares(string header, string value)
    {
        await using var server = await ServerHarness.Start();
        using var browser = new Browserless(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = server.Token("2", "viewer") }) };
        request.Headers.TryAddWithoutValidation(header, value);
        var answer = await browser.Send(request);
        Assert.Equal(403, answer.Status);
        Assert.False(answer.Message.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignIn_FromThisSite_IsAccepted_AlsoThroughATlsProxy()
    {
        await using var server = await ServerHarness.Start();
        var token = server.Token("1", "viewer");
        foreach (var origin in new[] { $"http://{server.Address.Authority}", $"https://{server.Address.Authority}" })
        {
            using var browser = new Browserless(server);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }) };
            request.Headers.TryAddWithoutValidation("Origin", origin);
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
            Assert.Equal(303, (await browser.Send(request)).Status);
        }
    }
}
