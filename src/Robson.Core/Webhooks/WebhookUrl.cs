using System.Net;

namespace Robson.Core.Webhooks;

/// <summary>
/// Which URLs may receive events: absolute http(s), no user:password (the URL is listed and audited), and plain http only
/// to this machine unless the caller insists: a signed event in clear text can still be read by anyone on the path.
/// </summary>
public static class WebhookUrl
{
    public const int MaxLength = 2048;

    /// <summary>The reason <paramref name="text"/> is refused, or null when it may be used.</summary>
    public static string? Problem(string text, bool insecureHttp)
    {
        if (text.Length is 0 or > MaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
            return $"webhook URL must be an absolute http:// or https:// URL, got '{text}'";
        if (uri.UserInfo.Length > 0)
            return "webhook URL must not carry a user or password (it is listed and audited): authenticate the receiver by the signature";
        if (uri.Scheme == "http" && !IsLoopback(uri) && !insecureHttp)
            return $"plain http to {uri.Host} would send events in clear text: use https, or add --insecure-http if you accept that";
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
