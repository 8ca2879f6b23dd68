using Robson.Core.Domain;

namespace Robson.Core.Tests.Domain;

public sealed class VenueScopeTests
{
    [Fact]
    public void LimitsOf_PaperVenue_IsPaperAlone()
    {
        Assert.Same(VenueScope.Paper, VenueScope.LimitsOf("paper"));
        Assert.True(VenueScope.Paper.Includes("paper"));
        Assert.False(VenueScope.Paper.Includes("bn"));
    }

    [Theory]
    [InlineData("bn")]
    [InlineData("binance-main")]
    [InlineData("paper2")]
    public void LimitsOf_AnyOtherVenue_IsEveryRealVenue(string venue)
    {
        Assert.Same(VenueScope.RealVenues, VenueScope.LimitsOf(venue));
        Assert.True(VenueScope.RealVenues.Includes(venue));
        Assert.True(VenueScope.RealVenues.Includes("some-other-exchange"));
        Assert.False(VenueScope.RealVenues.Includes("paper"));
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("bn")]
    public void AllVenues_IncludesEveryVenue(string venue) => Assert.True(VenueScope.AllVenues.Includes(venue));
}
