using Robson.Core.Domain;
using Robson.Core.Execution;
using static Robson.Venues.Tests.Paper.PaperFixture;

namespace Robson.Venues.Tests.Paper;

/// <summary>
/// Orders on the paper venue behave as on Binance Spot: a GTC LIMIT takes what crosses and rests with the rest (its
/// funds locked), IOC expires the rest, FOK fills all or nothing. ETHUSDT's paper book at the 3,000 mid: best ask
/// 3000.15 (8.3329 deep), then 3000.75; best bid 2999.85. Orders for 10 ETH are funded with 50,000 USDT.
/// </summary>
public sealed class PaperVenueOrderTests : IDisposable
{
    private readonly PaperFixture _paper = new();

    public void Dispose() => _paper.Dispose();

    [Fact]
    public void GtcLimitBuyBelowTheMarket_RestsAcked_LockingLimitTimesQuantityPlusFee()
    {
        var result = _paper.Limit("o1", OrderSide.Buy, "0.1", "2900");

        Assert.Equal(OrderStatus.Acked, result.Status);
        Assert.Empty(result.Fills);
        Assert.Equal("paper-o1", result.VenueOrderId);
        Assert.Equal(290.29m, _paper.Locked("USDT")); // 0.1 × 2900 + 0.1 % fee
        Assert.Equal(10_000m - 290.29m, _paper.Free("USDT"));
        var open = Assert.Single(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal(("o1", OrderSide.Buy, OrderType.Limit, 0.1m, 0m, 2900m, OrderStatus.Acked, (string?)null),
            (open.ClientOrderId, open.Side, open.Type, open.Quantity, open.ExecutedQuantity, open.Price, open.Status, open.ListClientOrderId));
    }

    [Fact]
    public void GtcLimitBuyThatPartlyCrosses_TakesTheBookUpToItsLimit_ThenRestsPartiallyFilled()
    {
        _paper.Deposit("USDT", "40000");
        var result = _paper.Limit("o1", OrderSide.Buy, "10", "3000.15");

        Assert.Equal(OrderStatus.PartiallyFilled, result.Status);
        var fill = Assert.Single(result.Fills);
        Assert.Equal((3000.15m, 8.3329m, "o1-t1", "USDT"), (fill.Price, fill.Quantity, fill.TradeId, fill.CommissionAsset));
        Assert.Equal(8.3329m * 3000.15m * 0.001m, fill.Commission);
        var restingLock = 1.6671m * 3000.15m * 1.001m;
        Assert.Equal(restingLock, _paper.Locked("USDT"));
        Assert.Equal(50_000m - 8.3329m * 3000.15m * 1.001m - restingLock, _paper.Free("USDT"));
        Assert.Equal(8.3329m, _paper.Free("ETH"));
        Assert.Equal(OrderStatus.PartiallyFilled, Assert.Single(_paper.Venue.OpenOrders(Tenant)).Status);
    }

    [Fact]
    public void GtcLimitThatCrossesEntirely_IsFilled_AndLocksNothing()
    {
        var result = _paper.Limit("o1", OrderSide.Buy, "1", "3001");

        Assert.Equal(OrderStatus.Filled, result.Status);
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
    }

    [Fact]
    public void IocLimit_FillsWhatCrosses_AndExpiresTheRest()
    {
        _paper.Deposit("USDT", "40000");
        var result = _paper.Limit("o1", OrderSide.Buy, "10", "3000.15", TimeInForce.Ioc);

        Assert.Equal(OrderStatus.Expired, result.Status);
        Assert.Equal(8.3329m, result.ExecutedQuantity);
        Assert.Contains("IOC: unfilled 1.6671 expired", result.Reason);
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Empty(_paper.Venue.LockedOf(Tenant));
    }

    [Fact]
    public void FokLimitTheBookCannotFillEntirely_ExpiresWithNoFills_AndChangesNoBalance()
    {
        var result = _paper.Limit("o1", OrderSide.Buy, "10", "3000.15", TimeInForce.Fok);

        Assert.Equal(OrderStatus.Expired, result.Status);
        Assert.Empty(result.Fills);
        Assert.Equal(10_000m, _paper.Free("USDT"));
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
    }

    [Fact]
    public void FokLimitTheBookCanFill_IsFilled()
    {
        _paper.Deposit("USDT", "40000");
        var result = _paper.Limit("o1", OrderSide.Buy, "8.3329", "3000.15", TimeInForce.Fok);

        Assert.Equal(OrderStatus.Filled, result.Status);
        Assert.Equal(8.3329m, _paper.Free("ETH"));
    }

    [Fact]
    public void MarketOrder_FillsAgainstTheBook_AndNeverRests()
    {
        var result = _paper.Market("o1", OrderSide.Buy, "0.5");

        Assert.Equal(OrderStatus.Filled, result.Status);
        Assert.Equal(3000.15m, Assert.Single(result.Fills).Price);
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
    }

    [Fact]
    public void CappedMarketOrder_IsIocAtItsCap()
    {
        _paper.Deposit("USDT", "40000");
        var request = new Core.Ports.VenueOrderRequest(Tenant, "o1", new Core.Plans.PlanLeg(Eth, OrderSide.Buy, OrderType.Market, 10m, null, null), PriceCap: 3000.15m);

        var result = _paper.Venue.PlaceOrder(request);

        Assert.Equal(OrderStatus.Expired, result.Status);
        Assert.Equal(8.3329m, result.ExecutedQuantity);
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
    }

    [Fact]
    public void BuyWhoseLockExceedsTheFreeQuote_IsRejected_AndLocksNothing()
    {
        // 3.4 × 2900 × 1.001 = 9869.86 fits in 10,000; 3.5 × 2900 × 1.001 = 10160.15 does not.
        Assert.Equal(OrderStatus.Acked, _paper.Limit("fits", OrderSide.Buy, "3.4", "2900").Status);

        var result = _paper.Limit("too-much", OrderSide.Buy, "0.1", "2900");

        Assert.Equal(OrderStatus.Rejected, result.Status);
        Assert.Equal("insufficient balance: need 290.29 USDT, free 130.14", result.Reason);
        Assert.Equal(9869.86m, _paper.Locked("USDT"));
    }

    [Fact]
    public void GtcSellAboveTheMarket_RestsLockingTheBaseAsset_AndASecondSellOfTheSameCoinsIsRejected()
    {
        _paper.Deposit("ETH", "1");

        Assert.Equal(OrderStatus.Acked, _paper.Limit("s1", OrderSide.Sell, "1", "3100").Status);
        Assert.Equal((0m, 1m), (_paper.Free("ETH"), _paper.Locked("ETH")));

        var second = _paper.Market("s2", OrderSide.Sell, "0.5");
        Assert.Equal(OrderStatus.Rejected, second.Status);
        Assert.Contains("insufficient balance: need 0.5 ETH, free 0", second.Reason);
    }

    [Fact]
    public void PriceOffTheTick_IsRejectedByThePriceFilter()
    {
        var result = _paper.Limit("o1", OrderSide.Buy, "0.1", "2900.005");

        Assert.Equal(OrderStatus.Rejected, result.Status);
        Assert.Equal("Filter failure: PRICE_FILTER", result.Reason);
    }

    [Fact]
    public void ClientOrderIdSeenBefore_IsRefusedAsADuplicate()
    {
        _paper.Limit("o1", OrderSide.Buy, "0.1", "2900");

        var again = _paper.Limit("o1", OrderSide.Buy, "0.1", "2800");

        Assert.Equal(("Duplicate order sent.", OrderStatus.Rejected), (again.Reason, again.Status));
        Assert.Equal(290.29m, _paper.Locked("USDT")); // the first one only
    }

    [Fact]
    public void OrderSentLongerAgoThanTheOrderWindow_IsRefused_AndNothingIsRecorded()
    {
        var sentAt = _paper.Time.Now - _paper.Venue.OrderWindow - TimeSpan.FromTicks(1);

        var late = _paper.Limit("o1", OrderSide.Buy, "0.1", "2900", sentAt: sentAt);

        Assert.Equal(OrderStatus.Rejected, late.Status);
        Assert.Equal("Timestamp for this request is outside of the recvWindow.", late.Reason);
        Assert.Null(_paper.Venue.LookupOrder(Tenant, Eth, "o1"));
        Assert.Equal(10_000m, _paper.Free("USDT"));
    }

    [Fact]
    public void OrderSentExactlyTheOrderWindowAgo_IsPlaced()
    {
        var result = _paper.Limit("o1", OrderSide.Buy, "0.1", "2900", sentAt: _paper.Time.Now - _paper.Venue.OrderWindow);

        Assert.Equal(OrderStatus.Acked, result.Status);
    }

    [Fact]
    public void RestingOrdersAndLocks_AreKeptInTheStore()
    {
        _paper.Limit("o1", OrderSide.Buy, "0.1", "2900");

        _paper.Reopen();

        Assert.Equal("o1", Assert.Single(_paper.Venue.OpenOrders(Tenant)).ClientOrderId);
        Assert.Equal(290.29m, _paper.Locked("USDT"));
        Assert.Equal(OrderStatus.Acked, _paper.Venue.LookupOrder(Tenant, Eth, "o1")!.Status);
    }

    [Fact]
    public void OrderRecordedBeforeThePaperVenueKeptOrders_IsStillFound_NeverRests_AndItsIdStaysTaken()
    {
        _paper.Store.Dispose();
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_paper.Home, "robson.db")};Pooling=False"))
        {
            db.Open();
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO paper_orders (client_id, client_order_id, result_json, placed_at) VALUES (1, 'old', " +
                "'{\"status\":\"FILLED\",\"venue_order_id\":\"paper-old\",\"fills\":[{\"price\":\"3000.15\",\"quantity\":\"0.1\",\"commission\":\"0.300015\",\"commission_asset\":\"USDT\",\"trade_id\":\"old-t1\"}],\"reason\":null}', " +
                "'2026-11-24T12:00:00.0000000Z')";
            insert.ExecuteNonQuery();
        }
        _paper.Reopen();

        var answer = _paper.Venue.LookupOrder(Tenant, Eth, "old")!;

        Assert.Equal((OrderStatus.Filled, 0.1m, "old-t1"), (answer.Status, answer.ExecutedQuantity, Assert.Single(answer.Fills).TradeId));
        Assert.Empty(_paper.Venue.OpenOrders(Tenant));
        Assert.Equal("Duplicate order sent.", _paper.Limit("old", OrderSide.Buy, "0.1", "2900").Reason);
        Assert.Equal(OrderStatus.Rejected, _paper.Venue.CancelOrder(Tenant, Eth, "old").Status);
    }
}
