using System.Diagnostics.Metrics;

namespace Robson.Venues;

/// <summary>
/// Venue requests as operations watch them: latency by venue, path and outcome, and errors (no answer, 5xx, rate
/// limited). Recorded in every process; only <c>robson serve</c> exports them (/metrics). A meter no one listens to costs
/// a branch per request.
/// </summary>
public static class VenueMetrics
{
    public const string MeterName = "Robson.Venues";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("robson.venue.request.duration", "s", "Venue request latency.");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("robson.venue.request.errors", "{error}", "Venue requests without a usable answer: no answer, 5xx, 418 or 429.");

    /// <summary>A request answered with <paramref name="status"/>, or not at all (null).</summary>
    public static void Request(string venue, string path, int? status, TimeSpan elapsed)
    {
        var outcome = status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no_answer";
        Duration.Record(elapsed.TotalSeconds, new("venue", venue), new("path", path), new("outcome", outcome));
        if (status is null or >= 500 or 418 or 429)
            Errors.Add(1, new("venue", venue), new("path", path), new("outcome", outcome));
    }
}
