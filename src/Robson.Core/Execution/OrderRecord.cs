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
    public const string Pending = "PENDING";
    public const string Rejected = "REJECTED";
    public const string Unknown = "UNKNOWN";

    /// <summary>A rejected order never traded; everything else may have.</summary>
    public bool CountsAgainstLimits => Status != Rejected;

    /// <summary>While the outcome is open the reservation counts; once known, what actually traded.</summary>
    public decimal CountedNotional => Status switch
    {
        Rejected => 0m,
        Pending or Unknown or "SENT" => Math.Max(ReservedNotional, ExecutedNotional),
        _ => ExecutedNotional,
    };
}

/// <summary>One fill of a LIVE order. <see cref="FeeInQuote"/> is the fee valued in the quote asset.</summary>
public sealed record FillRecord(
    ClientId ClientId,
    string ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    string FeeAsset,
    decimal FeeInQuote,
    DateTimeOffset FilledAt);
