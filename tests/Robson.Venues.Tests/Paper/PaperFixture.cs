using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.UseCases;
using Robson.Storage.Sqlite;
using Robson.Venues.Paper;
using Robson.Core.Plans;

namespace Robson.Venues.Tests.Paper;

/// <summary>A paper venue on a fresh SQLite store in a temporary ROBSON_HOME, with a clock the test moves.</summary>
public sealed class PaperFixture : IDisposable
{
    public static readonly ClientId Tenant = ClientId.From(1);
    public static readonly Symbol Eth = Symbol.From("ETHUSDT");
    public static readonly Symbol Btc = Symbol.From("BTCUSDT");

    public string Home { get; } = Path.Combine(Path.GetTempPath(), "robson-paper-tests", Guid.NewGuid().ToString("N"));

    public Clock Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    public SqliteStore Store { get; private set; }
    public PaperVenue Venue { get; private set; }
    public PaperDesk Desk { get; private set; }

    public PaperFixture()
    {
        Store = SqliteStore.Open(Home, createIfMissing: true);
        (Venue, Desk) = Build(Store);
    }

    /// <summary>Closes the store and opens it again: what the paper venue knows must come from the database.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = SqliteStore.Open(Home, createIfMissing: false);
        (Venue, Desk) = Build(Store);
    }

    private (PaperVenue, PaperDesk) Build(SqliteStore store)
    {
        var venue = new PaperVenue(store, store, Time);
        var env = new RobsonEnvironment(store, new OneVenue(venue), Time, new CountingIds(), new AuditActor("tester", "test-host", "robson paper", "test"));
        return (venue, new PaperDesk(env, venue));
    }

    public VenueOrderResult Limit(string id, OrderSide side, string quantity, string price, TimeInForce? tif = null, Symbol? symbol = null,
        ClientId? tenant = null, DateTimeOffset? sentAt = null) =>
        Venue.PlaceOrder(new VenueOrderRequest(tenant ?? Tenant, id,
            new PlanLeg(symbol ?? Eth, side, OrderType.Limit, decimal.Parse(quantity), decimal.Parse(price), null) { TimeInForce = tif }, SentAt: sentAt));

    public VenueOrderResult Market(string id, OrderSide side, string quantity, Symbol? symbol = null, ClientId? tenant = null) =>
        Venue.PlaceOrder(new VenueOrderRequest(tenant ?? Tenant, id, new PlanLeg(symbol ?? Eth, side, OrderType.Market, decimal.Parse(quantity), null, null)));

    public VenueOrderResult Protect(string id, string quantity, string stop, string stopLimit, string? takeProfit = null, DateTimeOffset? sentAt = null) =>
        Venue.PlaceProtection(new ProtectionRequest(Tenant, id, Eth, decimal.Parse(quantity), decimal.Parse(stop), decimal.Parse(stopLimit),
            takeProfit is null ? null : decimal.Parse(takeProfit), sentAt));

    public void Deposit(string asset, string amount, ClientId? tenant = null) =>
        Assert.False(Desk.Deposit(tenant ?? Tenant, asset, decimal.Parse(amount)).IsError);

    public PaperPriceChange SetPrice(string price, Symbol? symbol = null) => Desk.SetPrice(symbol ?? Eth, decimal.Parse(price)).Value!;

    public decimal Free(string asset, ClientId? tenant = null) => Venue.BalancesOf(tenant ?? Tenant).GetValueOrDefault(asset);

    public decimal Locked(string asset, ClientId? tenant = null) => Venue.LockedOf(tenant ?? Tenant).GetValueOrDefault(asset);

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class OneVenue(IVenue venue) : IVenueDirectory
    {
        public IVenue? Find(ClientId clientId, string name) => venue;
    }

    private sealed class CountingIds : IIdGenerator
    {
        private int _next;
        public string NewId() => $"paper{++_next:D7}";
    }
}
