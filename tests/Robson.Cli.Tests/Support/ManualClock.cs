namespace Robson.Cli.Tests.Support;

/// <summary>A clock the test moves by hand, or (<see cref="FollowSystemClock"/>) the real clock.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    /// <summary>Tests against a fake exchange run on real time: the exchange ages signed requests by its own clock.</summary>
    public bool FollowSystemClock { get; set; }

    /// <summary>Added to the real clock when following it (to step past a grace period without waiting).</summary>
    public TimeSpan Skew { get; set; }

    public override DateTimeOffset GetUtcNow() => FollowSystemClock ? DateTimeOffset.UtcNow + Skew : Now;

    public void Advance(TimeSpan by) => Now += by;
}
