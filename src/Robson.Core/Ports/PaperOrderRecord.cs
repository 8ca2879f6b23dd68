using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Ports;

/// <summary>
/// The paper venue's own record of an order: what was asked, what has filled so far and, while it rests, the funds it
/// locks (<paramref name="Locked"/> of <paramref name="LockedAsset"/>, no longer free). A protective OCO is one record for
/// the list (type <see cref="OrderType.Oco"/>, holding the lock until a leg fills or triggers) and one record per leg,
/// which names the list in <paramref name="ListClientOrderId"/>. <paramref name="Price"/> is the limit price (for a stop:
/// the limit it works at once triggered); <paramref name="Triggered"/> tells a stop that already works as a limit.
/// Records written before the paper venue kept orders carry only a client order id and a result: they never rest.
/// </summary>
public sealed record PaperOrderRecord(
    ClientId ClientId, string ClientOrderId, Symbol Symbol, OrderSide Side, OrderType Type, decimal Quantity,
    decimal? Price, decimal? StopPrice, string? ListClientOrderId, OrderStatus Status, IReadOnlyList<VenueFill> Fills, string? Reason,
    string? LockedAsset, decimal Locked, bool Triggered, DateTimeOffset PlacedAt)
{
    public string VenueOrderId => "paper-" + ClientOrderId;

    public decimal ExecutedQuantity => Fills.Sum(f => f.Quantity);

    public decimal Remaining => Quantity - ExecutedQuantity;

    /// <summary>Still on the paper book (ACKED or PARTIALLY_FILLED): it may fill when the price moves, or be canceled.</summary>
    public bool IsResting => Status.MayRest;

    public bool IsList => Type == OrderType.Oco;

    /// <summary>The venue's answer about this order, as <see cref="IVenue.LookupOrder"/> gives it.</summary>
    public VenueOrderResult AsResult() => new(Status, Status == OrderStatus.Rejected ? null : VenueOrderId, Fills, Reason);
}
