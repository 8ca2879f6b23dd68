using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Robson.Core.Access;
using Robson.Server.Api;

namespace Robson.Server.Dashboard;

/// <summary>
/// A signed-in browser: the token's caller (tenant, name, role), the SHA-256 of its token (never the token), and the
/// CSRF token every form of the session carries.
/// </summary>
public sealed record Session(string Id, Caller Caller, string TokenHash, string Csrf, DateTimeOffset Started)
{
    public DateTimeOffset LastSeen { get; set; } = Started;

    /// <summary>Compares a submitted CSRF token in constant time.</summary>
    public bool AcceptsCsrf(string? submitted) =>
        submitted is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(submitted), System.Text.Encoding.ASCII.GetBytes(Csrf));

    public bool May(Capability capability) => RolePolicy.Allows(Caller.Role, capability);

    public string Role => Roles.Name(Caller.Role);
}

/// <summary>
/// The sessions of this process, in memory: a cookie holds a random session id, the server keeps what it stands for.
/// A session ends after <see cref="IdleTimeout"/> unused or <see cref="MaxAge"/> in all, at sign-out, and at once when
/// its token is revoked or expires (checked at every request). Sessions are per instance: behind a load balancer
/// over several `robson serve`, a browser signs in again when it reaches another instance.
/// </summary>
public sealed class Sessions(TimeProvider time, Robson.Cli.Commands.Serve.ServeSettings settings)
{
    public const string CookieName = "robson_session";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public Session Start(HttpContext http, Caller caller, string tokenHash)
    {
        Sweep();
        var session = new Session(Random(), caller, tokenHash, Random(), time.GetUtcNow());
        _sessions[session.Id] = session;
        http.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Behind the TLS proxy --insecure-http is for, the browser's connection is https even if this one is not.
            Secure = http.Request.IsHttps || settings.InsecureHttp,
            Path = "/",
            IsEssential = true,
        });
        return session;
    }

    /// <summary>The request's live session, or null (no cookie, unknown, idle or too old).</summary>
    public Session? Find(HttpContext http)
    {
        var id = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var session)) return null;
        var now = time.GetUtcNow();
        if (now - session.LastSeen > IdleTimeout || now - session.Started > MaxAge)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        session.LastSeen = now;
        return session;
    }

    public void End(HttpContext http, Session session)
    {
        _sessions.TryRemove(session.Id, out _);
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps || settings.InsecureHttp });
    }

    public void Forget(Session session) => _sessions.TryRemove(session.Id, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in _sessions)
            if (now - session.LastSeen > IdleTimeout || now - session.Started > MaxAge) _sessions.TryRemove(id, out _);
    }

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
