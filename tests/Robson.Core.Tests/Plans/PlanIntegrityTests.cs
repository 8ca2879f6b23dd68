using Robson.Core.Plans;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Plans;

public sealed class PlanIntegrityTests
{
    [Fact]
    public void Check_ContentMatchesItsHash_Null() => Assert.Null(PlanIntegrity.Check(Plan()));

    [Fact]
    public void Check_LegChangedAfterHashing_ReportsBothHashes()
    {
        var planned = Plan(LimitBuy(0.001m));
        var changed = planned with { Legs = [LimitBuy(0.01m)] };

        var tampering = PlanIntegrity.Check(changed);

        Assert.NotNull(tampering);
        Assert.Equal(planned.Hash, tampering.StoredHash);
        Assert.Equal(PlanHasher.Compute(changed), tampering.ComputedHash);
        Assert.Contains("does not match its hash", tampering.Message);
    }

    [Fact]
    public void Check_HashChanged_Reported() => Assert.NotNull(PlanIntegrity.Check(Plan() with { Hash = new string('0', 64) }));

    [Fact]
    public void Check_VenueChangedAfterHashing_Reported() => Assert.NotNull(PlanIntegrity.Check(Plan() with { Venue = "binance" }));
}
