using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Robson.Server.Api;
using Robson.Server.Dashboard.Pages;

namespace Robson.Server.Dashboard;

/// <summary>
/// The dashboard's routes beside the API: sign-in, the pages, the live part of Today, the actions and the assets.
/// Every answer carries a strict Content-Security-Policy (no inline script or style, nothing from elsewhere), is never
/// cached, and every POST but sign-in needs the session's CSRF token.
/// </summary>
public static partial class DashboardEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Map(WebApplication app)
    {
        var sessions = app.Services.GetRequiredService<Sessions>();
        var pages = app.Services.GetRequiredService<DeskPages>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Robson.Server.Dashboard");

        // A store that cannot be reached (a PostgreSQL restart) or a malformed form gets a page that says so, never a bare 500.
        app.UseWhen(IsDashboard, branch => branch.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && e is Robson.Storage.Sql.StoreUnavailableException or System.Data.Common.DbException)
            {
                PageFailed(logger, http.Request.Path, e.Message.Split('\n')[0]);
                await Write(http, null, Answer.Error(503, "the store cannot be read right now (the server's log says why)"));
            }
            catch (Exception e) when (!http.Response.HasStarted && e is InvalidDataException or Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                await Write(http, null, Answer.Error(400, "the form could not be read: " + e.Message.Split('\n')[0]));
            }
        }));

        app.MapGet("/assets/{file}", (RequestDelegate)(http => Assets.Serve(http, http.Request.RouteValues["file"]?.ToString() ?? "")));
        app.MapGet("/login", (RequestDelegate)(http => Write(http, null, LoginPage.Form(null, 200))));
        app.MapPost("/login", (RequestDelegate)(async http => await Write(http, null, await pages.SignIn(http))));
        app.MapPost("/logout", (RequestDelegate)(async http =>
        {
            var session = sessions.Find(http);
            if (session is null) { await Write(http, null, new Answer.Redirect("/login")); return; }
            var form = await ReadForm(http);
            if (CsrfProblem(http, session, form) is { } refused) { await Write(http, session, refused); return; }
            sessions.End(http, session);
            await Write(http, null, new Answer.Redirect("/login"));
        }));

        Get(app, "/", pages.Today);
        Get(app, "/today/live", pages.TodayLive);
        Get(app, "/executions", pages.Executions);
        Get(app, "/executions/{id}", pages.Execution);
        Get(app, "/plans/{id}", pages.Plan);
        Get(app, "/analytics", pages.Analytics);
        Get(app, "/analytics/{chart}.csv", pages.AnalyticsCsv);
        Get(app, "/audit", pages.Audit);
        Get(app, "/audit/events/{id}", pages.AuditEvent);
        Get(app, "/audit/export", pages.AuditExport);
        Get(app, "/actions/{action}", pages.ConfirmAction);
        app.MapPost("/actions/{action}", (RequestDelegate)(async http =>
        {
            var session = await Authenticated(http, sessions, pages);
            if (session is null) return;
            var form = await ReadForm(http);
            if (CsrfProblem(http, session, form) is { } refused) { await Write(http, session, refused); return; }
            await Run(http, session, request => pages.Act(request, form));
        }));

        void Get(WebApplication web, string pattern, Func<PageRequest, Answer> handler) =>
            web.MapGet(pattern, (RequestDelegate)(async http =>
            {
                var session = await Authenticated(http, sessions, pages);
                if (session is not null) await Run(http, session, handler);
            }));
    }

    private static readonly string[] ApiPrefixes = ["/v1", "/healthz", "/readyz", "/metrics", "/openapi"];

    private static bool IsDashboard(HttpContext http) => !ApiPrefixes.Any(p => http.Request.Path.StartsWithSegments(p));

    /// <summary>The request's session with a token still valid; otherwise the browser is sent to /login (the live fragment gets a 401).</summary>
    private static async Task<Session?> Authenticated(HttpContext http, Sessions sessions, DeskPages pages)
    {
        var session = sessions.Find(http);
        if (session is not null && pages.TokenStillValid(session))
        {
            http.Items[RequestIds.CallerKey] = session.Caller; // the request log names who asked
            return session;
        }
        if (session is not null) sessions.Forget(session);
        if (http.Request.Path.StartsWithSegments("/today/live"))
        {
            Headers(http);
            http.Response.StatusCode = 401;
        }
        else await Write(http, null, new Answer.Redirect("/login"));
        return null;
    }

    /// <summary>A page's answer; a store that cannot be read is answered by the dashboard's middleware above.</summary>
    private static Task Run(HttpContext http, Session session, Func<PageRequest, Answer> handler) =>
        Write(http, session, handler(new PageRequest(http, session, RequestIds.Of(http))));

    [LoggerMessage(Level = LogLevel.Error, Message = "dashboard {Path}: {Reason}")]
    private static partial void PageFailed(ILogger logger, string path, string reason);

    private static async Task<IFormCollection> ReadForm(HttpContext http) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : FormCollection.Empty;

    /// <summary>
    /// A POST must come from this site's own page: the session's CSRF token in the form, and no Origin naming another
    /// site (SameSite=Strict already keeps the cookie off cross-site requests; these are the second and third locks).
    /// </summary>
    public static Answer? CsrfProblem(HttpContext http, Session session, IFormCollection form)
    {
        if (!SameOrigin(http)) return Answer.Error(403, "refused: the form was posted from another site (CSRF protection)");
        return session.AcceptsCsrf(form["csrf"].ToString()) ? null : Answer.Error(403, "refused: the form's CSRF token is missing or wrong; reload the page and try again");
    }

    /// <summary>
    /// A browser's POST from this site: its Origin names this host and port (any scheme: behind the TLS proxy that
    /// --insecure-http is for, the browser says https where the server sees http), and its Sec-Fetch-Site, when sent,
    /// says same-origin (or none: typed by the user). A request with neither header is not a browser's (a script, curl),
    /// and cannot carry a victim's cookie to a forged form.
    /// </summary>
    public static bool SameOrigin(HttpContext http)
    {
        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return false;
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    public static void Headers(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin"; // not no-referrer: under it, a browser sends "Origin: null" with its own forms
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
    }

    public static async Task Write(HttpContext http, Session? session, Answer answer)
    {
        Headers(http);
        switch (answer)
        {
            case Answer.Redirect redirect:
                http.Response.StatusCode = 303;
                http.Response.Headers.Location = redirect.Location;
                break;
            case Answer.Fragment fragment:
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(fragment.Body.Html);
                break;
            case Answer.Download download:
                http.Response.ContentType = download.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{download.FileName}\"";
                await http.Response.WriteAsync(download.Content);
                break;
            case Answer.Page page:
                http.Response.StatusCode = page.Status;
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Layout.Render(page, session, http.Request.Path).Html));
                break;
        }
    }
}
