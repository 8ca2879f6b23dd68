using System.Net;
using System.Text.Json;

namespace Robson.Venues.Binance;

/// <summary>An HTTP answer from Binance: status, parsed body, and the error code and message when it is an error.</summary>
internal sealed record BinanceReply(HttpStatusCode Status, JsonElement Body, int? Code, string? Message, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>
    /// 5xx, -1006 (unexpected response) and -1007 (timeout): the request may or may not have been executed.
    /// Never a failure, never resent blindly.
    /// </summary>
    public bool OutcomeUnknown => (int)Status >= 500 || Code is -1006 or -1007;

    public string Describe() => Code is { } code ? $"HTTP {(int)Status} {code} {Message}" : $"HTTP {(int)Status}";
}

/// <summary>The request left but no answer came (timeout, connection reset): its outcome is unknown.</summary>
internal sealed class BinanceTransportException(string message, Exception inner) : Exception(message, inner);
