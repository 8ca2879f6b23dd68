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

    /// <summary>The price of the symbol's last trade, or null when the venue does not say (public market data).</summary>
    decimal? LastPrice(Symbol symbol) => null;

    /// <summary>The tenant's free balances by asset, or null when the venue cannot say without credentials.</summary>
    IReadOnlyDictionary<string, decimal>? GetBalances(ClientId clientId);

    /// <summary>
    /// What the tenant's resting orders lock by asset (a protective stop locks the asset it would sell): still the
    /// tenant's, so it counts in equity. Null when the venue cannot say.
    /// </summary>
    IReadOnlyDictionary<string, decimal>? GetLockedBalances(ClientId clientId) => null;

    /// <summary>
    /// How long after it was signed an order may still reach the venue's matching engine (Binance: the recvWindow,
    /// checked again by the engine). A process past half of it after marking an order SENT does not send it.
    /// </summary>
    TimeSpan OrderWindow { get; }

    /// <summary>
    /// The local time after which an order marked SENT at <paramref name="sentAt"/> (local clock) that the venue does not
    /// know was never placed and never will be: sent_at + <see cref="OrderWindow"/> + the measured clock uncertainty.
    /// </summary>
    DateTimeOffset NotPlacedAfter(DateTimeOffset sentAt);

    /// <summary>
    /// Sends one order, once. Only LIVE execution calls this, after every guard passed and the order was recorded.
    /// When the outcome cannot be known (timeout, 5xx) the order is looked up, never re-sent: found, its state; not found
    /// once <see cref="NotPlacedAfter"/> has passed, NOT_PLACED; otherwise UNKNOWN (reconcile settles it).
    /// </summary>
    VenueOrderResult PlaceOrder(VenueOrderRequest request);

    /// <summary>
    /// Places a protective SELL, once, with the same outcome rules as <see cref="PlaceOrder"/>: a STOP_LOSS_LIMIT, or,
    /// when <see cref="ProtectionRequest.TakeProfitPrice"/> is set, an OCO order list (a LIMIT_MAKER take-profit above,
    /// a STOP_LOSS_LIMIT below) whose list client order id is the request's <see cref="ProtectionRequest.ClientOrderId"/>.
    /// </summary>
    VenueOrderResult PlaceProtection(ProtectionRequest request);

    /// <summary>
    /// The venue's record of an order by Robson's client order id, or null if the venue has none. With
    /// <paramref name="isList"/> the id is an OCO's list client order id: the answer is the list as one order (ACKED while
    /// both legs wait, FILLED when a leg filled and the other expired, CANCELED...), with the fills of both legs.
    /// </summary>
    VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false);

    /// <summary>The tenant's open orders on the venue (each leg of an OCO on its own, naming its list).</summary>
    IReadOnlyList<VenueOpenOrder> OpenOrders(ClientId clientId);

    /// <summary>
    /// Cancels an open order (or, with <paramref name="isList"/>, a whole OCO list) by client order id: CANCELED (with what
    /// had filled), or REJECTED with the venue's reason.
    /// </summary>
    VenueOrderResult CancelOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false);
}

/// <summary>
/// An order for the venue; <paramref name="ClientOrderId"/> is the idempotency key recorded before sending.
/// <paramref name="PriceCap"/>, for a market order, is the worst price it may fill at: the venue sends it as a LIMIT
/// IOC at that price (or an equivalent it honours), so it can never fill beyond the collar from the mid at send time.
/// </summary>
/// <paramref name="SentAt"/> is the local time the order was marked SENT: the venue signs the request with it (plus its
/// clock offset), so the moment after which the order can no longer be placed is known (null: now).
/// A limit order rests for its leg's time in force (GTC when the leg names none).
public sealed record VenueOrderRequest(ClientId ClientId, string ClientOrderId, PlanLeg Leg, decimal? PriceCap = null, DateTimeOffset? SentAt = null)
{
    /// <summary>How long a limit order may rest: IOC for a capped market order, else the leg's (GTC by default).</summary>
    public TimeInForce TimeInForce => Leg.LimitPrice is null && PriceCap is not null ? TimeInForce.Ioc : Leg.TimeInForce ?? TimeInForce.Gtc;

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

/// <summary>
/// A protective SELL for a long position: a STOP_LOSS_LIMIT (stop <paramref name="StopPrice"/>, then a limit at
/// <paramref name="StopLimitPrice"/>), or with <paramref name="TakeProfitPrice"/> an OCO whose legs carry the client
/// order ids <see cref="StopLegId"/> and <see cref="TakeProfitLegId"/>. <paramref name="SentAt"/> as for an order.
/// </summary>
public sealed record ProtectionRequest(ClientId ClientId, string ClientOrderId, Symbol Symbol, decimal Quantity, decimal StopPrice,
    decimal StopLimitPrice, decimal? TakeProfitPrice = null, DateTimeOffset? SentAt = null)
{
    public const string StopLegSuffix = "-sl";
    public const string TakeProfitLegSuffix = "-tp";

    public bool IsOco => TakeProfitPrice is not null;
    public string StopLegId => ClientOrderId + StopLegSuffix;
    public string TakeProfitLegId => ClientOrderId + TakeProfitLegSuffix;

    /// <summary>The list client order id an OCO leg's client order id belongs to, or null for an order of its own.</summary>
    public static string? ListIdOf(string legClientOrderId) =>
        legClientOrderId.EndsWith(StopLegSuffix, StringComparison.Ordinal) || legClientOrderId.EndsWith(TakeProfitLegSuffix, StringComparison.Ordinal)
            ? legClientOrderId[..^3] : null;
}

/// <summary>An order resting on the venue; <paramref name="ListClientOrderId"/> names the OCO list it is a leg of.</summary>
public sealed record VenueOpenOrder(Symbol Symbol, string ClientOrderId, string VenueOrderId, OrderSide Side, OrderType Type,
    decimal Quantity, decimal ExecutedQuantity, decimal? Price, Execution.OrderStatus Status, string? ListClientOrderId = null);

/// <summary>The venue cannot be reached or refuses to serve now (ban, open circuit, outage): the reason is user-facing.</summary>
public sealed class VenueUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
