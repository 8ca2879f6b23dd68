using System.Net;
using System.Text.Json;

namespace Robson.Venues.Binance;

/// <summary>An HTTP answer from Binance: status, parsed body, and the error code and message when it is an error.</summary>
internal sealed record BinanceReply(HttpStatusCode Status, JsonElement Body, int? Code, string? Message, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>
    /// Every 4XX (429 and 418 included) that is not -1006 or -1007: the request was refused as it came, so nothing was
    /// executed (BINANCE.md "Errors").
    /// </summary>
    public bool IsRejection => (int)Status is >= 400 and < 500 && Code is not (-1006 or -1007);

    /// <summary>
    /// 5XX (503 -1008 included), -1006 (unexpected response), -1007 (timeout), and any other answer that is neither a
    /// success nor a 4XX: the request may or may not have been executed. Never a failure, never resent blindly.
    /// </summary>
    public bool OutcomeUnknown => !IsSuccess && !IsRejection;

    public string Describe() => Code is { } code ? $"HTTP {(int)Status} {code} {Message}" : $"HTTP {(int)Status}";
}

/// <summary>The request left but no answer came (timeout, connection reset): its outcome is unknown.</summary>
internal sealed class BinanceTransportException(string message, Exception inner) : Exception(message, inner);
