using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>Values a tenant's balances on a venue at the venue's current mids.</summary>
public static class AccountValuation
{
    /// <summary>The snapshot, or null when the venue cannot give balances (no credentials outside LIVE).</summary>
    public static AccountSnapshot? Snapshot(IVenue venue, ClientId clientId)
    {
        var held = venue.GetBalances(clientId);
        if (held is null) return null;
        var locked = venue.GetLockedBalances(clientId) ?? new Dictionary<string, decimal>();
        var symbols = venue.ListSymbols();
        var quote = symbols.GroupBy(s => s.QuoteAsset).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "USDT";
        // Only the assets held (free or locked) need a price.
        var needed = symbols.Where(s => s.QuoteAsset == quote && (held.GetValueOrDefault(s.BaseAsset) != 0 || locked.GetValueOrDefault(s.BaseAsset) != 0)).ToList();
        return AccountSnapshot.From(quote, held, needed, symbol => venue.GetOrderBook(symbol).Mid) with { Locked = locked };
    }
}
