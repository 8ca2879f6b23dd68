using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;

namespace Robson.Core.Ports;

/// <summary>Where market data comes from and where LIVE orders go.</summary>
public interface IVenue
{
    string Name { get; }

    /// <summary>Fee rate a taker pays (0.001 = 0.1 %).</summary>
    decimal TakerFeeRate { get; }

    /// <summary>The symbol's trading rules, or null if the venue does not list it.</summary>
    SymbolRules? FindSymbol(Symbol symbol);

    OrderBook GetOrderBook(Symbol symbol);

    /// <summary>Sends one order. Only LIVE execution calls this, after every guard passed.</summary>
    VenueOrderResult PlaceOrder(VenueOrderRequest request);
}

/// <summary>An order for the venue; <paramref name="ClientOrderId"/> is the idempotency key recorded before sending.</summary>
public sealed record VenueOrderRequest(ClientId ClientId, string ClientOrderId, PlanLeg Leg);

/// <summary>The venue's answer: status FILLED, PARTIALLY_FILLED, EXPIRED or REJECTED, and the fills.</summary>
public sealed record VenueOrderResult(string Status, string? VenueOrderId, IReadOnlyList<VenueFill> Fills, string? Reason)
{
    public decimal ExecutedQuantity => Fills.Sum(f => f.Quantity);
    public decimal ExecutedNotional => Fills.Sum(f => f.Price * f.Quantity);
}

public sealed record VenueFill(decimal Price, decimal Quantity, decimal Commission, string CommissionAsset);
