using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Ports;

/// <summary>LIVE orders whose outcome is still open, and the updates that settle them.</summary>
public interface IOrderStore
{
    /// <summary>Orders recorded PENDING, SENT or UNKNOWN (on <paramref name="venue"/>, or any venue when null).</summary>
    IReadOnlyList<OrderRecord> UnresolvedOrders(ClientId clientId, string? venue);

    /// <summary>Orders the venue acknowledged that may still rest there (ACKED or PARTIALLY_FILLED).</summary>
    IReadOnlyList<OrderRecord> RestingOrders(ClientId clientId, string? venue);

    OrderRecord? FindOrder(ClientId clientId, string clientOrderId);

    /// <summary>
    /// Moves an order from <paramref name="expected"/> to <paramref name="status"/> only if it still is in that status
    /// (false otherwise: another process settled it). Moving to SENT stamps the time the request leaves.
    /// </summary>
    bool ChangeOrderStatus(ClientId clientId, string clientOrderId, OrderStatus expected, OrderStatus status, DateTimeOffset at);

    /// <summary>When the order's request left (null if it never did).</summary>
    DateTimeOffset? OrderSentAt(ClientId clientId, string clientOrderId);

    /// <summary>The protective and closing orders placed for an entry, oldest first.</summary>
    IReadOnlyList<OrderRecord> ProtectionsOf(ClientId clientId, string entryClientOrderId);

    /// <summary>
    /// BUY entries with a planned stop-loss that bought something but have no protective order at all (on
    /// <paramref name="venue"/>, or any venue when null): what a crash between the fill and the protection leaves.
    /// </summary>
    IReadOnlyList<OrderRecord> EntriesWithoutProtection(ClientId clientId, string? venue);

    /// <summary>The fills recorded for one order, oldest first.</summary>
    IReadOnlyList<FillRecord> FillsOfOrder(ClientId clientId, string clientOrderId);

    /// <summary>
    /// Records a fill unless a fill with the same venue trade id is already recorded; true if recorded. In the same
    /// transaction, the fill's position (tenant, venue, symbol) takes one <see cref="Reporting.Position.Apply(FillRecord)"/>
    /// step, and a sell adds what it realised to the realised P&amp;L of the fill's UTC day. Positions move in the order
    /// fills are recorded: a fill recorded late with an earlier time is booked at the cost basis current when it is
    /// recorded (on its own day), not re-inserted into the past; a replay of the fills by time could differ for it.
    /// </summary>
    bool RecordFill(FillRecord fill, string? venueTradeId);
}
