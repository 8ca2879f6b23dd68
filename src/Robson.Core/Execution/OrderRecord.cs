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
    string Status,
    decimal ReservedNotional,
    decimal ExecutedQuantity,
    decimal ExecutedNotional,
    string? VenueOrderId,
    DateTimeOffset CreatedAt)
{
    /// <summary>Recorded, not yet sent. An order is only ever sent after it was marked SENT.</summary>
    public const string Pending = "PENDING";

    /// <summary>The request is leaving or left; the venue's answer is not recorded yet.</summary>
    public const string Sent = "SENT";

    public const string Rejected = "REJECTED";

    /// <summary>The venue may or may not have it: counted against limits, never re-sent, resolved by reconcile.</summary>
    public const string Unknown = "UNKNOWN";

    /// <summary>A PENDING order found abandoned by reconcile: it never left.</summary>
    public const string NotSent = "NOT_SENT";

    /// <summary>True while the outcome is open (PENDING, SENT, UNKNOWN).</summary>
    public bool IsUnresolved => Status is Pending or Sent or Unknown;

    /// <summary>An order that was refused or never sent cannot have traded; everything else may have.</summary>
    public bool CountsAgainstLimits => Status is not (Rejected or NotSent);

    /// <summary>While the outcome is open the reservation counts; once known, what actually traded.</summary>
    public decimal CountedNotional => Status switch
    {
        Rejected or NotSent => 0m,
        Pending or Unknown or Sent => Math.Max(ReservedNotional, ExecutedNotional),
        "ACKED" or "PARTIALLY_FILLED" => Math.Max(ReservedNotional, ExecutedNotional),
        _ => ExecutedNotional,
    };
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
