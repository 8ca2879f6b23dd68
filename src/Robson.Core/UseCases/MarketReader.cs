using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>Reads a <see cref="MarketSnapshot"/> for some legs from their venue: one book per symbol, balances if the venue gives them.</summary>
public static class MarketReader
{
    /// <exception cref="VenueUnavailableException">The venue could not answer.</exception>
    public static MarketSnapshot Read(IVenue venue, ClientId clientId, IEnumerable<PlanLeg> legs)
    {
        var rules = new Dictionary<Symbol, SymbolRules>();
        var books = new Dictionary<Symbol, OrderBook>();
        foreach (var symbol in legs.Where(l => !l.IsCancel).Select(l => l.Symbol).Distinct())
        {
            if (venue.FindSymbol(symbol) is not { } symbolRules) continue;
            rules[symbol] = symbolRules;
            books[symbol] = venue.GetOrderBook(symbol);
        }
        return new MarketSnapshot(rules, books, AccountValuation.Snapshot(venue, clientId), venue.TakerFeeRate);
    }
}
