using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>The paper venue's persistent state: reference-price overrides and per-tenant balances.</summary>
public interface IPaperLedger
{
    decimal? PriceOverride(Symbol symbol);
    void SetPrice(Symbol symbol, decimal price, DateTimeOffset now);

    /// <summary>The tenant's free balances, or null when the tenant has never been funded (defaults apply).</summary>
    IReadOnlyDictionary<string, decimal>? Balances(ClientId clientId);
    void SetBalance(ClientId clientId, string asset, decimal free);

    /// <summary>Keeps the paper venue's own record of an order, so it can be looked up (reconcile) and never placed twice.</summary>
    void RecordPaperOrder(ClientId clientId, string clientOrderId, VenueOrderResult result, DateTimeOffset at);

    VenueOrderResult? FindPaperOrder(ClientId clientId, string clientOrderId);
}
