using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>
/// The paper venue's persistent state: reference-price overrides, per-tenant free balances and the venue's own record
/// of every order it was sent (resting ones lock funds, see <see cref="PaperOrderRecord"/>). Callers change it inside
/// an exclusive transaction.
/// </summary>
public interface IPaperLedger
{
    decimal? PriceOverride(Symbol symbol);
    void SetPrice(Symbol symbol, decimal price, DateTimeOffset now);

    /// <summary>The tenant's free balances (funds locked by resting orders excluded), or null when never funded (defaults apply).</summary>
    IReadOnlyDictionary<string, decimal>? Balances(ClientId clientId);
    void SetBalance(ClientId clientId, string asset, decimal free);

    /// <summary>Keeps the paper venue's own record of a new order, so it can be looked up (reconcile) and never placed twice.</summary>
    void RecordPaperOrder(PaperOrderRecord order);

    /// <summary>Writes an order's new state (status, fills, lock, trigger); what it is never changes.</summary>
    void UpdatePaperOrder(PaperOrderRecord order);

    PaperOrderRecord? FindPaperOrder(ClientId clientId, string clientOrderId);

    /// <summary>Orders resting on the paper book (OCO legs, not their lists), oldest first: one tenant's or every tenant's, one symbol's or all.</summary>
    IReadOnlyList<PaperOrderRecord> RestingPaperOrders(ClientId? clientId, Symbol? symbol);

    /// <summary>What the tenant's resting orders lock, by asset (assets with nothing locked are absent).</summary>
    IReadOnlyDictionary<string, decimal> PaperLocked(ClientId clientId);

    /// <summary>The legs of an OCO list, take-profit and stop in the order they were placed.</summary>
    IReadOnlyList<PaperOrderRecord> PaperListLegs(ClientId clientId, string listClientOrderId);
}
