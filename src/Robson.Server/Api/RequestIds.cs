using Microsoft.AspNetCore.Http;

namespace Robson.Server.Api;

/// <summary>
/// The correlation id of a request: the caller's X-Request-Id when it is a sane one, else a new one. It is echoed in
/// the answer, written in the request's log line, and recorded in the audit events the request causes.
/// </summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";
    public const string CallerKey = "robson.caller";
    private const string Key = "robson.request-id";

    public static string Of(HttpContext http)
    {
        if (http.Items[Key] is string known) return known;
        var given = http.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? given
            : "req-" + Convert.ToHexStringLower(Robson.Core.Hashing.SecureRandom.Bytes(8));
        http.Items[Key] = id;
        http.Response.Headers[Header] = id;
        return id;
    }
}
