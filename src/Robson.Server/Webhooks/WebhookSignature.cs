using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Robson.Server.Webhooks;

/// <summary>
/// The Robson-Signature header: <c>t=UNIX_SECONDS,v1=HEX</c>, HEX being the lower-case HMAC-SHA256 of <c>"{t}.{body}"</c>
/// keyed with the webhook's secret (its whole text, whsec_ included, as UTF-8). The time is signed with the body, so a
/// receiver can refuse an old event replayed to it.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Robson-Signature";
    public const string EventIdHeader = "Robson-Event-Id";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
