namespace Robson.Core.Execution;

/// <summary>
/// Where a LIVE order is in its life, and the rules that follow from it: whether its outcome is still open, whether
/// it counts against the daily limits and with which notional, whether the venue itself said so, whether it may rest
/// on the book. Stored and shown as its wire name; every instance is one of the statuses below.
/// </summary>
public sealed record OrderStatus
{
    private OrderStatus(string wire, bool unresolved, bool countsAgainstLimits, bool venueConfirmed, bool mayRest)
    {
        Wire = wire;
        IsUnresolved = unresolved;
        CountsAgainstLimits = countsAgainstLimits;
        IsVenueConfirmed = venueConfirmed;
        MayRest = mayRest;
    }

    /// <summary>Recorded, not yet sent. An order is only ever sent after it was marked SENT.</summary>
    public static readonly OrderStatus Pending = new("PENDING", unresolved: true, countsAgainstLimits: true, venueConfirmed: false, mayRest: false);

    /// <summary>The request is leaving or left; the venue's answer is not recorded yet.</summary>
    public static readonly OrderStatus Sent = new("SENT", unresolved: true, countsAgainstLimits: true, venueConfirmed: false, mayRest: false);

    /// <summary>The venue may or may not have it: counted against limits, never re-sent, resolved by reconcile.</summary>
    public static readonly OrderStatus Unknown = new("UNKNOWN", unresolved: true, countsAgainstLimits: true, venueConfirmed: false, mayRest: false);

    /// <summary>Reserved but never sent (the market or the kill switch stopped it, or reconcile found it abandoned).</summary>
    public static readonly OrderStatus NotSent = new("NOT_SENT", unresolved: false, countsAgainstLimits: false, venueConfirmed: false, mayRest: false);

    /// <summary>
    /// Sent, but the venue does not know it after the moment it could still have been placed (sent_at + the order window
    /// + the clock uncertainty: the matching engine checks the window again): it never traded, and its symbol is free.
    /// </summary>
    public static readonly OrderStatus NotPlaced = new("NOT_PLACED", unresolved: false, countsAgainstLimits: false, venueConfirmed: false, mayRest: false);

    /// <summary>The venue refused it (or it was refused before the request left): it cannot have traded.</summary>
    public static readonly OrderStatus Rejected = new("REJECTED", unresolved: false, countsAgainstLimits: false, venueConfirmed: false, mayRest: false);

    /// <summary>On the venue's book, nothing filled yet (Binance NEW).</summary>
    public static readonly OrderStatus Acked = new("ACKED", unresolved: false, countsAgainstLimits: true, venueConfirmed: true, mayRest: true);

    public static readonly OrderStatus PartiallyFilled = new("PARTIALLY_FILLED", unresolved: false, countsAgainstLimits: true, venueConfirmed: true, mayRest: true);
    public static readonly OrderStatus Filled = new("FILLED", unresolved: false, countsAgainstLimits: true, venueConfirmed: true, mayRest: false);
    public static readonly OrderStatus Canceled = new("CANCELED", unresolved: false, countsAgainstLimits: true, venueConfirmed: true, mayRest: false);
    public static readonly OrderStatus Expired = new("EXPIRED", unresolved: false, countsAgainstLimits: true, venueConfirmed: true, mayRest: false);

    public static readonly IReadOnlyList<OrderStatus> All = [Pending, Sent, Unknown, NotSent, NotPlaced, Rejected, Acked, PartiallyFilled, Filled, Canceled, Expired];

    /// <summary>The name stored and shown: PENDING, SENT, UNKNOWN, NOT_SENT, NOT_PLACED, REJECTED, ACKED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED.</summary>
    public string Wire { get; }

    /// <summary>True while the outcome is open (PENDING, SENT, UNKNOWN): its symbol is blocked until reconcile settles it.</summary>
    public bool IsUnresolved { get; }

    /// <summary>An order that was refused or never sent cannot have traded; everything else may have.</summary>
    public bool CountsAgainstLimits { get; }

    /// <summary>The status comes from the venue itself, not from Robson's inference.</summary>
    public bool IsVenueConfirmed { get; }

    /// <summary>The order may still rest on the venue's book (reconcile reads it again; a cancel plan can take it off).</summary>
    public bool MayRest { get; }

    /// <summary>The notional counted against the daily limits: the reservation while the order may still trade, else what traded.</summary>
    public decimal CountedNotional(decimal reserved, decimal executed) =>
        !CountsAgainstLimits ? 0m : IsUnresolved || MayRest ? Math.Max(reserved, executed) : executed;

    public static OrderStatus Parse(string wire) =>
        All.FirstOrDefault(s => s.Wire == wire) ?? throw new FormatException($"unknown order status '{wire}'");

    public override string ToString() => Wire;
}
