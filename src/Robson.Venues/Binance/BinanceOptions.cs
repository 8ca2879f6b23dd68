namespace Robson.Venues.Binance;

/// <summary>Tuning of the Binance adapter. Defaults suit production; tests shorten the timings.</summary>
public sealed record BinanceOptions
{
    /// <summary>Default 10 s: a request without an answer by then has an unknown outcome (orders are then looked up).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Default 250 ms: first back-off of read retries and order lookups (doubling, with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Default 3: retries of a read or lookup after the first attempt.</summary>
    public int MaxReadRetries { get; init; } = 3;

    /// <summary>
    /// Default 5,000 ms (Binance's default; at most 60,000). Also how long an order of unknown outcome is looked up for: the
    /// venue's engine refuses it once its signed time + this window has passed, so it is then NOT_PLACED.
    /// </summary>
    public int RecvWindowMs { get; init; } = 5000;

    /// <summary>Default 1 h: how long exchangeInfo (symbols and filters) is reused before it is fetched again.</summary>
    public TimeSpan ExchangeInfoExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Default 30 s: a 429 asking to wait longer than this fails the request instead of sleeping.</summary>
    public TimeSpan MaxInlineBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads ROBSON_VENUE_TIMEOUT_MS (at most 60,000), ROBSON_VENUE_RETRY_DELAY_MS and ROBSON_VENUE_RECV_WINDOW_MS (at most
    /// 60,000) where set.
    /// </summary>
    public static BinanceOptions FromEnvironment(Func<string, string?> environment)
    {
        var options = new BinanceOptions();
        if (int.TryParse(environment("ROBSON_VENUE_TIMEOUT_MS"), out var timeout) && timeout is > 0 and <= 60_000)
            options = options with { RequestTimeout = TimeSpan.FromMilliseconds(timeout) };
        if (int.TryParse(environment("ROBSON_VENUE_RETRY_DELAY_MS"), out var delay) && delay >= 0)
            options = options with { RetryBaseDelay = TimeSpan.FromMilliseconds(delay) };
        if (int.TryParse(environment("ROBSON_VENUE_RECV_WINDOW_MS"), out var window) && window is > 0 and <= 60_000)
            options = options with { RecvWindowMs = window };
        return options;
    }
}
