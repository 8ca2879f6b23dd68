using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

/// <summary>
/// One tenant's free paper balances, changed in memory and written back with <see cref="Save"/> inside the caller's
/// transaction. Funds a resting order locks leave the free balance and sit on the order until it fills or is canceled.
/// </summary>
internal sealed class PaperAccount
{
    private readonly IPaperLedger _ledger;
    private readonly ClientId _clientId;
    private readonly Dictionary<string, decimal> _free;

    private PaperAccount(IPaperLedger ledger, ClientId clientId, Dictionary<string, decimal> free)
    {
        _ledger = ledger;
        _clientId = clientId;
        _free = free;
    }

    /// <summary>The tenant's free balances; a tenant never funded starts with <see cref="PaperVenue.DefaultQuoteBalance"/> of the quote asset.</summary>
    public static IReadOnlyDictionary<string, decimal> FreeOf(IPaperLedger ledger, ClientId clientId) =>
        ledger.Balances(clientId) ?? new Dictionary<string, decimal> { [PaperInstruments.QuoteAsset] = PaperVenue.DefaultQuoteBalance };

    public static PaperAccount Load(IPaperLedger ledger, ClientId clientId) => new(ledger, clientId, new Dictionary<string, decimal>(FreeOf(ledger, clientId)));

    public decimal Free(string asset) => _free.GetValueOrDefault(asset);

    /// <summary>Adds (or with a negative amount takes) to the free balance; adding nothing leaves an asset never held unlisted.</summary>
    public void Add(string asset, decimal amount)
    {
        if (amount != 0 || _free.ContainsKey(asset))
            _free[asset] = Free(asset) + amount;
    }

    /// <summary>Writes every balance (a tenant's defaults are materialised the first time anything changes).</summary>
    public void Save()
    {
        foreach (var (asset, free) in _free)
            _ledger.SetBalance(_clientId, asset, free);
    }
}
