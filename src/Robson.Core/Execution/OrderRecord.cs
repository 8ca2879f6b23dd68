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
    /// <summary>True while the outcome is open (PENDING, SENT, UNKNOWN).</summary>
    public bool IsUnresolved => Status.IsUnresolved;

    /// <summary>An order that was refused or never sent cannot have traded; everything else may have.</summary>
    public bool CountsAgainstLimits => Status.CountsAgainstLimits;

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
