using Robson.Core.Domain;

namespace Robson.Core.Execution;

/// <summary>
/// A LIVE order, recorded (PENDING, with its client order id) before the request leaves, then updated with
/// the venue's answer. It counts against daily limits from the moment it is reserved.
/// </summary>
public sealed record OrderRecord(
    string ClientOrderId,
    ClientId ClientId,
    string ExecutionId,
    string PlanId,
    int LegIndex,
    string Venue,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price,
    OrderStatus Status,
    decimal ReservedNotional,
    decimal ExecutedQuantity,
    decimal ExecutedNotional,
    string? VenueOrderId,
    DateTimeOffset CreatedAt)
{
    /// <summary>A plan's leg (ENTRY), or an order Robson placed to protect or close what an entry bought.</summary>
    public OrderRole Role { get; init; } = OrderRole.Entry;

    /// <summary>For a protective or closing order: the client order id of the entry it protects.</summary>
    public string? Protects { get; init; }

    /// <summary>An entry's planned stop-loss, or a protective order's stop (trigger) price; <see cref="Price"/> is its limit.</summary>
    public decimal? StopPrice { get; init; }

    /// <summary>An entry's planned take-profit, or an OCO's take-profit price.</summary>
    public decimal? TakeProfitPrice { get; init; }

    /// <summary>True while the outcome is open (PENDING, SENT, UNKNOWN).</summary>
    public bool IsUnresolved => Status.IsUnresolved;

    /// <summary>
    /// An entry that was refused or never sent cannot have traded; every other entry counts. Protective and closing
    /// orders never count against the daily order and notional limits (their fills still count in the day's P&amp;L).
    /// </summary>
    public bool CountsAgainstLimits => Role == OrderRole.Entry && Status.CountsAgainstLimits;

    /// <summary>While the outcome is open (or the order may rest) the reservation counts; once known, what actually traded.</summary>
    public decimal CountedNotional => Status.CountedNotional(ReservedNotional, ExecutedNotional);
}

/// <summary>
/// One fill of a LIVE order on <see cref="Venue"/> (its order's venue: each venue keeps its own book).
/// <see cref="FeeInQuote"/> is the fee valued in the quote asset.
/// </summary>
public sealed record FillRecord(
    ClientId ClientId,
    string ClientOrderId,
    string Venue,
    Symbol Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    string FeeAsset,
    decimal FeeInQuote,
    DateTimeOffset FilledAt);
