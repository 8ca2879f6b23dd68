using System.Security.Cryptography;
using System.Text;

namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// The fake's own implementation of Binance's HMAC-SHA256 request signature (independent of Robson's):
/// payload = query string (without the signature parameter) followed directly by the body, exactly as sent
/// (already percent-encoded); signature = lowercase hex HMAC-SHA256(secret, payload), compared
/// case-insensitively.
/// </summary>
public static class HmacSignature
{
    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    public static bool Verify(string secret, string payload, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, payload));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signed payload of a request: its raw query and raw body with any <c>signature=</c> pair taken out.</summary>
    public static string Payload(string rawQuery, string rawBody) => WithoutSignature(rawQuery) + WithoutSignature(rawBody);

    private static string WithoutSignature(string raw) =>
        raw.Length == 0 ? raw : string.Join('&', raw.Split('&').Where(pair => !pair.StartsWith("signature=", StringComparison.Ordinal) && pair != "signature"));
}
