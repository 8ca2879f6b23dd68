using System.Security.Cryptography;
using System.Text;

namespace Robson.Venues.Binance;

/// <summary>
/// Binance's HMAC-SHA256 request signature: lowercase hex of HMAC(secret, query string + body), with any
/// non-ASCII character percent-encoded before signing.
/// </summary>
public static class BinanceSigner
{
    public static string Sign(string secret, string payload)
    {
        var encoded = PercentEncodeNonAscii(payload);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(encoded)));
    }

    public static string PercentEncodeNonAscii(string payload)
    {
        if (payload.All(c => c < 128)) return payload;
        var text = new StringBuilder(payload.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in payload.EnumerateRunes())
        {
            if (rune.Value < 128) { text.Append((char)rune.Value); continue; }
            var count = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < count; i++) text.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
