using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

public sealed class GuardResultTests
{
    [Fact]
    public void Fail_BlocksLiveByDefault() => Assert.True(GuardResult.Fail("G", "no").BlocksLive);

    [Fact]
    public void Pass_DoesNotBlockLiveByDefault() => Assert.False(GuardResult.Pass("G", "ok").BlocksLive);

    [Fact]
    public void Pass_CanBeMarkedAsBlockingLive() => Assert.True((GuardResult.Pass("G", "ok") with { BlocksLive = true }).BlocksLive);
}
