using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>
/// On a real venue its clock decides "today" and ages. A local clock more than 30 s from the venue's is refused for
/// LIVE (CLOCK_SKEW): limits and TTLs judged on a wrong day or age are no limits.
/// </summary>
public sealed class VenueClockGuard : IExecutionGuard
{
    public const string Code = GuardCodes.ClockSkew;
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(30);

    public string Name => "VenueClock";

    public GuardResult Evaluate(GuardContext context)
    {
        var seconds = Math.Round((decimal)context.ClockSkew.TotalSeconds, 3);
        var details = new (string, object?)[] { ("clock_skew_seconds", seconds), ("max_skew_seconds", (int)MaxSkew.TotalSeconds) };
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, "A cancel depends on no day or age: allowed whatever the clocks say", details);
        if (context.ClockSkew.Duration() <= MaxSkew)
            return GuardResult.Pass(Name, $"Local clock within {(int)MaxSkew.TotalSeconds} s of the venue's", details);
        var reason = $"[{Code}] the local clock is {Decimals.Canonical(Math.Abs(seconds))} s {(seconds > 0 ? "behind" : "ahead of")} the venue's (more than {(int)MaxSkew.TotalSeconds} s): fix the system clock";
        return context.Mode == ExecutionMode.Live
            ? GuardResult.Fail(Name, Code, reason, [.. details, ("code", Code)])
            : GuardResult.Pass(Name, GuardResult.WouldBlockLive + reason, [.. details, ("code", Code)]);
    }
}
