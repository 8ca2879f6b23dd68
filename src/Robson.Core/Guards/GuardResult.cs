using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>One guard's verdict. Every guard is evaluated and reported, so a blocked user sees all reasons at once.</summary>
public sealed record GuardResult(string Name, bool Passed, string Message, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>
    /// True when this guard would block LIVE. Set by <see cref="GuardPipeline"/>: for LIVE, the guard failed; for
    /// DRY-RUN, the same guard failed when judged as LIVE (acknowledgement assumed). Default: not passed.
    /// </summary>
    public bool BlocksLive { get; init; } = !Passed;

    /// <summary>Why it failed, from <see cref="GuardCodes"/>; null when it passed.</summary>
    public string? Code { get; init; }

    /// <summary>How a DRY-RUN pass that LIVE would not get begins (the pipeline adds it where a guard did not).</summary>
    public const string WouldBlockLive = "Would block LIVE: ";

    public static GuardResult Pass(string name, string message, params (string, object?)[] details) =>
        new(name, true, message, Domain.Details.Of(details));

    /// <summary>A failure names its reason with a code from <see cref="GuardCodes"/>.</summary>
    public static GuardResult Fail(string name, string code, string message, params (string, object?)[] details) =>
        new(name, false, message, Domain.Details.Of(details)) { Code = code };
}
