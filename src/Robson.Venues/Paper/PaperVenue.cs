using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

/// <summary>
/// A local simulated exchange: offline, deterministic, with persistent per-tenant balances (10,000 USDT to start) and a
/// 0.1 % fee charged in the quote asset. Orders take what crosses <see cref="PaperBook"/> at once; like Binance Spot, a
/// GTC LIMIT order rests with the rest (locking its funds), IOC expires it, FOK fills all or nothing, and protective
/// stops and OCO lists rest until the price reaches them. Resting orders fill only when the price is moved
/// (<see cref="PaperDesk.SetPrice"/>), as maker at their own price.
/// </summary>
public sealed partial class PaperVenue(IPaperLedger ledger, IUnitOfWork unitOfWork, TimeProvider time) : IVenue
{
    /// <summary>The one simulated venue: Core knows it as <see cref="VenueScope.PaperVenue"/>, whose books never mix with real money.</summary>
    public const string VenueName = VenueScope.PaperVenue;
    public const decimal DefaultQuoteBalance = 10_000m;
    public const decimal FeeRate = 0.001m;

    public string Name => VenueName;

    /// <summary>Paper has no clock of its own: the local clock decides.</summary>
    public DateTimeOffset Now() => time.GetUtcNow();
    public decimal TakerFeeRate => FeeRate;

    public SymbolRules? FindSymbol(Symbol symbol) => PaperInstruments.All.TryGetValue(symbol, out var i) ? i.Rules : null;

    public IReadOnlyCollection<SymbolRules> ListSymbols() => PaperInstruments.All.Values.Select(i => i.Rules).ToList();

    public IReadOnlyDictionary<string, decimal>? GetBalances(ClientId clientId) => BalancesOf(clientId);

    /// <summary>Paper checks an order's window as Binance's engine does: one signed longer ago than this is refused.</summary>
    public TimeSpan OrderWindow => TimeSpan.FromSeconds(5);

    /// <summary>Paper places an order in the same transaction that records it, on the local clock: no uncertainty.</summary>
    public DateTimeOffset NotPlacedAfter(DateTimeOffset sentAt) => sentAt + OrderWindow;

    public decimal MidPrice(Symbol symbol) => ledger.PriceOverride(symbol) ?? PaperInstruments.All[symbol].ReferencePrice;

    /// <summary>Paper trades around one price per symbol (its reference, or the last `paper set-price`): that is its last price.</summary>
    public decimal? LastPrice(Symbol symbol) => MidPrice(symbol);

    public OrderBook GetOrderBook(Symbol symbol) =>
        PaperBook.Around(PaperInstruments.All[symbol].Rules, MidPrice(symbol), time.GetUtcNow());

    /// <summary>The tenant's free balances (what resting orders lock is not free); a tenant never funded starts with 10,000 USDT.</summary>
    public IReadOnlyDictionary<string, decimal> BalancesOf(ClientId clientId) => PaperAccount.FreeOf(ledger, clientId);

    /// <summary>What the tenant's resting orders lock, by asset: a buy its quote (remaining × limit + fee), a sell its base.</summary>
    public IReadOnlyDictionary<string, decimal> LockedOf(ClientId clientId) => ledger.PaperLocked(clientId);

    public IReadOnlyDictionary<string, decimal>? GetLockedBalances(ClientId clientId) => LockedOf(clientId);

    /// <summary>
    /// The order's current state with all its fills so far. With <paramref name="isList"/> the id must be an OCO list's,
    /// answered as one order (fills of both legs); an order id is not a list id and the reverse, as on Binance.
    /// </summary>
    public VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false) =>
        ledger.FindPaperOrder(clientId, clientOrderId) switch
        {
            null => null,
            { IsList: true } list => isList ? ListResult(list) : null,
            var order => isList ? null : order.AsResult(),
        };

    /// <summary>The tenant's resting orders, each OCO leg on its own and naming its list.</summary>
    public IReadOnlyList<VenueOpenOrder> OpenOrders(ClientId clientId) =>
        ledger.RestingPaperOrders(clientId, null).Select(o => new VenueOpenOrder(o.Symbol, o.ClientOrderId, o.VenueOrderId, o.Side, o.Type,
            o.Quantity, o.ExecutedQuantity, o.Price, o.Status, o.ListClientOrderId)).ToList();

    /// <summary>
    /// An OCO list as one order: its own status (ACKED while both legs wait, then the status of the leg that traded or
    /// triggered, CANCELED when canceled) with the fills of both legs.
    /// </summary>
    private VenueOrderResult ListResult(PaperOrderRecord list) =>
        new(list.Status, list.Status == OrderStatus.Rejected ? null : list.VenueOrderId,
            ledger.PaperListLegs(list.ClientId, list.ClientOrderId).SelectMany(l => l.Fills).ToList(), list.Reason);

    private static VenueOrderResult Reject(string reason) => new(OrderStatus.Rejected, null, [], reason);
}
