using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

public sealed class GuardResultTests
{
    [Fact]
    public void Fail_BlocksLiveByDefault() => Assert.True(GuardResult.Fail("G", GuardCodes.ValidationMissing, "no").BlocksLive);

    [Fact]
    public void Fail_CarriesItsCode() => Assert.Equal(GuardCodes.ValidationMissing, GuardResult.Fail("G", GuardCodes.ValidationMissing, "no").Code);

    [Fact]
    public void Pass_HasNoCode() => Assert.Null(GuardResult.Pass("G", "ok").Code);

    [Fact]
    public void Pass_DoesNotBlockLiveByDefault() => Assert.False(GuardResult.Pass("G", "ok").BlocksLive);

    [Fact]
    public void Pass_CanBeMarkedAsBlockingLive() => Assert.True((GuardResult.Pass("G", "ok") with { BlocksLive = true }).BlocksLive);
}
