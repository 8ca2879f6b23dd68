using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

/// <summary>
/// A local simulated exchange: offline, deterministic, with persistent per-tenant balances (10,000 USDT to
/// start) and a 0.1 % taker fee charged in the quote asset. Orders fill against <see cref="PaperBook"/>;
/// it keeps no resting orders, so any unfilled remainder of a LIMIT order expires (reported as EXPIRED).
/// </summary>
public sealed class PaperVenue(IPaperLedger ledger, IUnitOfWork unitOfWork, TimeProvider time) : IVenue
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

    public VenueOrderResult PlaceProtection(ProtectionRequest request) =>
        Reject("protective orders are not supported by the paper venue yet");

    public VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false) => ledger.FindPaperOrder(clientId, clientOrderId);

    /// <summary>The paper venue keeps no resting orders.</summary>
    public IReadOnlyList<VenueOpenOrder> OpenOrders(ClientId clientId) => [];

    public VenueOrderResult CancelOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false) =>
        Reject("Unknown order sent.: the paper venue keeps no resting orders");

    public decimal MidPrice(Symbol symbol) => ledger.PriceOverride(symbol) ?? PaperInstruments.All[symbol].ReferencePrice;

    public OrderBook GetOrderBook(Symbol symbol) =>
        PaperBook.Around(PaperInstruments.All[symbol].Rules, MidPrice(symbol), time.GetUtcNow());

    /// <summary>The tenant's balances; a tenant never funded starts with 10,000 USDT.</summary>
    public IReadOnlyDictionary<string, decimal> BalancesOf(ClientId clientId) =>
        ledger.Balances(clientId) ?? new Dictionary<string, decimal> { [PaperInstruments.QuoteAsset] = DefaultQuoteBalance };

    public VenueOrderResult PlaceOrder(VenueOrderRequest request)
    {
        var leg = request.Leg;
        if (FindSymbol(leg.Symbol) is not { } rules)
            return Reject($"unknown symbol {leg.Symbol}");
        // A capped market order fills like a LIMIT IOC at its cap: never beyond it, the rest expires.
        var fill = FillSimulator.Simulate(GetOrderBook(leg.Symbol), leg.Side, leg.Quantity, request.EffectiveLimit, FeeRate);

        using var tx = unitOfWork.BeginExclusive();
        // Like a real exchange, the paper venue refuses a client order id it has seen: an order is never placed twice.
        if (ledger.FindPaperOrder(request.ClientId, request.ClientOrderId) is not null)
            return Reject("Duplicate order sent.");
        var balances = new Dictionary<string, decimal>(BalancesOf(request.ClientId));
        var quote = balances.GetValueOrDefault(rules.QuoteAsset);
        var baseFree = balances.GetValueOrDefault(rules.BaseAsset);
        VenueOrderResult result;
        if (leg.Side == OrderSide.Buy && fill.Notional + fill.Fee > quote)
            result = Reject($"insufficient balance: need {Decimals.Canonical(fill.Notional + fill.Fee)} {rules.QuoteAsset}, free {Decimals.Canonical(quote)}");
        else if (leg.Side == OrderSide.Sell && fill.FilledQuantity > baseFree)
            result = Reject($"insufficient balance: need {Decimals.Canonical(fill.FilledQuantity)} {rules.BaseAsset}, free {Decimals.Canonical(baseFree)}");
        else
        {
            if (leg.Side == OrderSide.Buy)
            {
                balances[rules.QuoteAsset] = quote - fill.Notional - fill.Fee;
                balances[rules.BaseAsset] = baseFree + fill.FilledQuantity;
            }
            else
            {
                balances[rules.BaseAsset] = baseFree - fill.FilledQuantity;
                balances[rules.QuoteAsset] = quote + fill.Notional - fill.Fee;
            }
            foreach (var (asset, free) in balances)
                ledger.SetBalance(request.ClientId, asset, free);

            var fills = fill.Fills.Select((level, i) => new VenueFill(level.Price, level.Quantity, level.Price * level.Quantity * FeeRate, rules.QuoteAsset,
                $"{request.ClientOrderId}-t{i + 1}")).ToList();
            var remainder = leg.Quantity - fill.FilledQuantity;
            result = remainder == 0
                ? new VenueOrderResult(OrderStatus.Filled, "paper-" + request.ClientOrderId, fills, null)
                : new VenueOrderResult(OrderStatus.Expired, "paper-" + request.ClientOrderId, fills,
                    $"paper venue keeps no resting orders: unfilled {Decimals.Canonical(remainder)} expired");
        }
        ledger.RecordPaperOrder(request.ClientId, request.ClientOrderId, result, time.GetUtcNow());
        tx.Commit();
        return result;
    }

    private static VenueOrderResult Reject(string reason) => new(OrderStatus.Rejected, null, [], reason);
}
