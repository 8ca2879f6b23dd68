using System.Net;
using System.Text.RegularExpressions;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Dashboard;

/// <summary>
/// The dashboard as a browser without JavaScript uses it: a cookie jar, no automatic redirects, forms posted as
/// application/x-www-form-urlencoded with the page's CSRF token. The browser tests (tests/Robson.Dashboard.Tests) drive
/// real Chromium; these check the HTTP contract itself: cookies, headers, CSRF, roles and tenants.
/// </summary>
public sealed partial class Browserless : IDisposable
{
    private readonly HttpClient _http;
    public CookieContainer Cookies { get; } = new();

    public Browserless(ServerHarness server) =>
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = server.Address };

    public static async Task<Browserless> SignedIn(ServerHarness server, string token)
    {
        var browser = new Browserless(server);
        var answer = await browser.Post("/login", new() { ["token"] = token }, csrf: false);
        Assert.True(answer.Status == 303, answer.ToString());
        return browser;
    }

    public async Task<Reply> Get(string path)
    {
        var response = await _http.GetAsync(path);
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Posts a form; with <paramref name="csrf"/>, the CSRF token of the Today page's sign-out form is added, as a page's own form carries it.</summary>
    public async Task<Reply> Post(string path, Dictionary<string, string> fields, bool csrf = true, string? origin = null)
    {
        if (csrf) fields["csrf"] = await CsrfToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        var response = await _http.SendAsync(request);
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<Reply> Send(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request);
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<string> CsrfToken()
    {
        var page = await Get("/");
        return CsrfField().Match(page.Body) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no CSRF field on the page:\n" + page.Body);
    }

    [GeneratedRegex("name=\"csrf\" value=\"([0-9a-f]+)\"")]
    private static partial Regex CsrfField();

    public void Dispose() => _http.Dispose();
}
