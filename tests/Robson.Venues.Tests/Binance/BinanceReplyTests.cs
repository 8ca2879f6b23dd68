using System.Net;
using Robson.Venues.Binance;

namespace Robson.Venues.Tests.Binance;

/// <summary>BINANCE.md "Errors": every 4XX was refused; every 5XX, -1006 and -1007 leaves the outcome unknown.</summary>
public sealed class BinanceReplyTests
{
    private static BinanceReply Reply(int status, int? code = null) => new((HttpStatusCode)status, default, code, null, null);

    [Theory]
    [InlineData(400, -2010)]
    [InlineData(400, -1021)]
    [InlineData(401, -2015)]
    [InlineData(403, null)]
    [InlineData(404, null)]
    [InlineData(409, null)]
    [InlineData(418, -1003)]
    [InlineData(429, -1003)]
    public void Every4XX_IsARejection(int status, int? code)
    {
        Assert.True(Reply(status, code).IsRejection);
        Assert.False(Reply(status, code).OutcomeUnknown);
    }

    [Theory]
    [InlineData(500, -1000)]
    [InlineData(502, null)]
    [InlineData(503, -1008)]
    [InlineData(503, -1006)]
    [InlineData(503, -1007)]
    [InlineData(504, null)]
    [InlineData(408, -1007)]
    [InlineData(400, -1006)]
    [InlineData(302, null)]
    public void Every5XX_1006_1007_AndAnythingElseUnexpected_LeavesTheOutcomeUnknown(int status, int? code)
    {
        Assert.True(Reply(status, code).OutcomeUnknown);
        Assert.False(Reply(status, code).IsRejection);
    }

    [Fact]
    public void A2XX_IsNeither()
    {
        Assert.True(Reply(200).IsSuccess);
        Assert.False(Reply(200).OutcomeUnknown || Reply(200).IsRejection);
    }
}
