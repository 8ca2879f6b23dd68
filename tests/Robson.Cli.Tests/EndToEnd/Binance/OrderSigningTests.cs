using System.Globalization;
using Robson.Cli.Tests.Support.FakeBinance;
using Robson.Core.Domain;
using OrderStatus = Robson.Core.Execution.OrderStatus;
using Robson.Core.Plans;
using Robson.Core.Ports;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// What the adapter sends for an order: signed with the time it was marked SENT (so its deadline is known), with the
/// leg's time in force, its fills' trade ids kept or null; and the deadline it derives from that time.
/// </summary>
public sealed class OrderSigningTests : IDisposable
{
    private static readonly Symbol Btc = Symbol.From("BTCUSDT");
    private readonly VenueOnTheFake _v = new(recvWindowMs: 1000);

    public void Dispose() => _v.Dispose();

    private static VenueOrderRequest Buy(string id, decimal? limit = null, TimeInForce? timeInForce = null, DateTimeOffset? sentAt = null) =>
        new(VenueOnTheFake.Client, id, new PlanLeg(Btc, OrderSide.Buy, limit is null ? OrderType.Market : OrderType.Limit, 0.001m, limit, null) { TimeInForce = timeInForce },
            limit is null ? 60100m : null, sentAt);

    private long SignedTimestamp() =>
        long.Parse(_v.Exchange.Requests.Last(r => r.Endpoint == "POST /api/v3/order").Query.Split('&').Single(p => p.StartsWith("timestamp=", StringComparison.Ordinal))[10..],
            CultureInfo.InvariantCulture);

    [Fact]
    public void AnOrder_IsSignedWithItsSentTime()
    {
        var sentAt = DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(400);

        var placed = _v.Venue.PlaceOrder(Buy("rbs-s1-1", sentAt: sentAt));

        Assert.Equal(OrderStatus.Filled, placed.Status);
        Assert.InRange(SignedTimestamp() - sentAt.ToUnixTimeMilliseconds(), -100, 100); // the fake's clock is ours: offset ≈ 0
    }

    [Fact]
    public void AnOrderSentLongerAgoThanTheWindow_IsRejectedForItsTimestamp_NotResigned()
    {
        var placed = _v.Venue.PlaceOrder(Buy("rbs-s2-1", sentAt: DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2)));

        Assert.Equal(OrderStatus.Rejected, placed.Status);
        Assert.Contains("-1021", placed.Reason);
        Assert.Equal(1, _v.Exchange.OrderRequestCount);
        Assert.Empty(_v.Exchange.Orders);
    }

    [Fact]
    public void NotPlacedAfter_IsTheSentTimePlusTheWindowAndTheClockUncertainty()
    {
        var sentAt = DateTimeOffset.UtcNow;

        var deadline = _v.Venue.NotPlacedAfter(sentAt);

        Assert.InRange(deadline - sentAt, TimeSpan.FromMilliseconds(1100), TimeSpan.FromMilliseconds(1600));
        Assert.True(_v.Exchange.RequestCount("GET", "/api/v3/time") >= 1, "the offset and its uncertainty were measured");
    }

    [Theory]
    [InlineData(TimeInForce.Gtc, "GTC")]
    [InlineData(TimeInForce.Ioc, "IOC")]
    [InlineData(TimeInForce.Fok, "FOK")]
    public void ALimitOrder_IsSentWithItsTimeInForce(TimeInForce timeInForce, string wire)
    {
        _v.Venue.PlaceOrder(Buy("rbs-s3-1", limit: 59000m, timeInForce: timeInForce));

        Assert.Equal(wire, _v.Exchange.FindOrder("rbs-s3-1")!.TimeInForce);
    }

    [Fact]
    public void ACappedMarketOrder_GoesAsLimitIoc()
    {
        _v.Venue.PlaceOrder(Buy("rbs-s4-1"));

        var order = _v.Exchange.FindOrder("rbs-s4-1")!;
        Assert.Equal(("LIMIT", "IOC", 60100m), (order.Type, order.TimeInForce, order.Price));
    }

    [Fact]
    public void FillsWithoutTradeIds_HaveNoTradeId_NotAnEmptyOne()
    {
        _v.Exchange.InjectExecution(new FakeExecution(Trades: 3, OmitTradeIds: true));

        var placed = _v.Venue.PlaceOrder(Buy("rbs-s5-1"));

        Assert.Equal(3, placed.Fills.Count);
        Assert.All(placed.Fills, f => Assert.Null(f.TradeId));
    }

    [Fact]
    public void TradesListedShort_AreNotTakenForTheWholeOrder()
    {
        _v.Exchange.InjectExecution(new FakeExecution(Trades: 50, FillsInAnswer: 10, TradesListed: 40));

        var placed = _v.Venue.PlaceOrder(Buy("rbs-s6-1"));

        Assert.Equal(OrderStatus.Unknown, placed.Status);
        Assert.NotNull(placed.VenueOrderId);
        var error = Assert.Throws<VenueUnavailableException>(() => _v.Venue.LookupOrder(VenueOnTheFake.Client, Btc, "rbs-s6-1"));
        Assert.Contains("incomplete", error.Message);
    }
}
