using Robson.Core.Domain;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>The accounting export: every LIVE fill of the tenant, oldest first, amounts exact, filtered by UTC day and venue.</summary>
public abstract class FillsExportContract(TestDatabase database) : StoreContract(database)
{
    [Fact]
    public void ExportFills_InclusiveUtcDays_Venue_AndTheVenueOrderId()
    {
        var order = Order("c-1", Noon);
        Store.InsertOrder(order);
        Store.UpdateOrder(order with { VenueOrderId = "987654" }, Noon);
        Store.InsertOrder(Order("c-2", Noon, venue: "binance"));
        var dayStart = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        Store.RecordFill(Fill("c-1", dayStart.AddTicks(-1)), "t-0");                  // the day before
        Store.RecordFill(Fill("c-1", dayStart, price: "56000.000000000001"), "t-1");  // first instant of the day
        Store.RecordFill(Fill("c-2", Noon, venue: "binance"), null);
        Store.RecordFill(Fill("c-1", dayStart.AddDays(1).AddTicks(-1)), "t-2");        // last instant of the day
        Store.RecordFill(Fill("c-1", dayStart.AddDays(1)), "t-3");                     // the day after

        var day = Store.ExportFills(Tenant, Day, Day, null).ToList();
        Assert.Equal(["t-1", null, "t-2"], day.Select(l => l.TradeId));
        Assert.Equal(D("56000.000000000001"), day[0].Fill.Price);
        Assert.Equal("987654", day[0].VenueOrderId);
        Assert.Null(day[1].VenueOrderId);

        Assert.Equal(5, Store.ExportFills(Tenant, null, null, null).Count());
        Assert.Equal(["t-2", "t-3"], Store.ExportFills(Tenant, null, null, Paper).Skip(2).Select(l => l.TradeId));
        Assert.Equal(["binance"], Store.ExportFills(Tenant, null, null, "binance").Select(l => l.Fill.Venue));
        Assert.Equal(["t-0"], Store.ExportFills(Tenant, null, Day.AddDays(-1), null).Select(l => l.TradeId));
        Assert.Equal(["t-3"], Store.ExportFills(Tenant, Day.AddDays(1), null, null).Select(l => l.TradeId));
        Assert.Empty(Store.ExportFills(OtherTenant, null, null, null));
    }
}
