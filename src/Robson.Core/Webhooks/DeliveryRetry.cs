namespace Robson.Core.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the first attempt at once, then retries after 1, 2, 4, 8 and 16 seconds (six
/// attempts in all, about half a minute); after the last failure the delivery is a dead letter.
/// </summary>
public static class DeliveryRetry
{
    public const int MaxAttempts = 6;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based), or null when it was the last.</summary>
    public static TimeSpan? DelayAfter(int attempt) =>
        attempt >= MaxAttempts ? null : FirstDelay * Math.Pow(2, Math.Max(0, attempt - 1));
}
