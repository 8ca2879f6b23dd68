using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;

namespace Robson.Core.Ports;

/// <summary>Where market data comes from and where LIVE orders go.</summary>
public interface IVenue
{
    string Name { get; }

    /// <summary>
    /// The venue's clock: what decides "today", validation ages and TTLs on this venue. The local clock on paper;
    /// the exchange's own time (the local clock plus the offset measured from the exchange) on a real venue.
    /// </summary>
    DateTimeOffset Now();

    /// <summary>Fee rate a taker pays (0.001 = 0.1 %): the account's own rate where the venue tells it.</summary>
    decimal TakerFeeRate { get; }

    /// <summary>The symbol's trading rules, or null if the venue does not list it.</summary>
    SymbolRules? FindSymbol(Symbol symbol);

    /// <summary>Every symbol the venue lists (used to value holdings and plan rebalances).</summary>
    IReadOnlyCollection<SymbolRules> ListSymbols();

    OrderBook GetOrderBook(Symbol symbol);

    /// <summary>The tenant's free balances by asset, or null when the venue cannot say without credentials.</summary>
    IReadOnlyDictionary<string, decimal>? GetBalances(ClientId clientId);

    /// <summary>
    /// Sends one order, once. Only LIVE execution calls this, after every guard passed and the order was recorded.
    /// When the outcome cannot be known (timeout, 5xx) the result is UNKNOWN: the order is looked up, never re-sent.
    /// </summary>
    VenueOrderResult PlaceOrder(VenueOrderRequest request);

    /// <summary>The venue's record of an order by Robson's client order id, or null if the venue has none.</summary>
    VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId);

    /// <summary>The tenant's open orders on the venue.</summary>
    IReadOnlyList<VenueOpenOrder> OpenOrders(ClientId clientId);

    /// <summary>Cancels an open order by client order id: CANCELED (with what had filled), or REJECTED with the venue's reason.</summary>
    VenueOrderResult CancelOrder(ClientId clientId, Symbol symbol, string clientOrderId);
}

/// <summary>
/// An order for the venue; <paramref name="ClientOrderId"/> is the idempotency key recorded before sending.
/// <paramref name="PriceCap"/>, for a market order, is the worst price it may fill at: the venue sends it as a LIMIT
/// IOC at that price (or an equivalent it honours), so it can never fill beyond the collar from the mid at send time.
/// </summary>
public sealed record VenueOrderRequest(ClientId ClientId, string ClientOrderId, PlanLeg Leg, decimal? PriceCap = null)
{
    /// <summary>The price the venue is told: the leg's limit, else the cap of a market order (null: uncapped).</summary>
    public decimal? EffectiveLimit => Leg.LimitPrice ?? PriceCap;
}

/// <summary>
/// The venue's answer: status (ACKED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED or UNKNOWN) and fills.
/// </summary>
public sealed record VenueOrderResult(Execution.OrderStatus Status, string? VenueOrderId, IReadOnlyList<VenueFill> Fills, string? Reason)
{
    public decimal ExecutedQuantity => Fills.Sum(f => f.Quantity);
    public decimal ExecutedNotional => Fills.Sum(f => f.Price * f.Quantity);
}

/// <summary>One fill. <paramref name="TradeId"/>, where the venue gives one, keeps a fill from being recorded twice.</summary>
public sealed record VenueFill(decimal Price, decimal Quantity, decimal Commission, string CommissionAsset, string? TradeId = null);

/// <summary>An order resting on the venue.</summary>
public sealed record VenueOpenOrder(Symbol Symbol, string ClientOrderId, string VenueOrderId, OrderSide Side, OrderType Type,
    decimal Quantity, decimal ExecutedQuantity, decimal? Price, Execution.OrderStatus Status);

/// <summary>The venue cannot be reached or refuses to serve now (ban, open circuit, outage): the reason is user-facing.</summary>
public sealed class VenueUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
