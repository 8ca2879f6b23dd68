using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>A symbol's price on a venue: last trade, best bid and ask, and the book they come from with its age.</summary>
public sealed record MarketQuote(string Venue, SymbolRules Rules, decimal? Last, OrderBook Book, DateTimeOffset Now)
{
    public decimal? Spread => Book.BestAsk - Book.BestBid;

    /// <summary>How old the book was when reported (the venue's book time against the local clock, never negative).</summary>
    public TimeSpan Age => Now > Book.AsOf ? Now - Book.AsOf : TimeSpan.Zero;
}

/// <summary>
/// Public market data (<c>robson market price|book|rules</c>): what validation reads, shown on its own. Never needs
/// credentials or a store of its own; a tenant's venue needs the tenant that added it.
/// </summary>
public sealed class ReadMarketData(RobsonEnvironment env)
{
    public Outcome<MarketQuote> Quote(ClientId? clientId, string venueName, Symbol symbol)
    {
        var found = Find(clientId, venueName, symbol);
        if (found.IsError) return Outcome<MarketQuote>.Refuse(found.InputError!);
        var (venue, rules) = found.Value;
        var book = venue.GetOrderBook(symbol);
        return new MarketQuote(venue.Name, rules, venue.LastPrice(symbol), book, env.Time.GetUtcNow());
    }

    /// <summary>The book cut to its best <paramref name="depth"/> levels a side.</summary>
    public Outcome<MarketQuote> Book(ClientId? clientId, string venueName, Symbol symbol, int depth)
    {
        var found = Find(clientId, venueName, symbol);
        if (found.IsError) return Outcome<MarketQuote>.Refuse(found.InputError!);
        var (venue, rules) = found.Value;
        var book = venue.GetOrderBook(symbol);
        return new MarketQuote(venue.Name, rules, null, book with { Bids = book.Bids.Take(depth).ToList(), Asks = book.Asks.Take(depth).ToList() },
            env.Time.GetUtcNow());
    }

    public Outcome<(string Venue, SymbolRules Rules)> Rules(ClientId? clientId, string venueName, Symbol symbol)
    {
        var found = Find(clientId, venueName, symbol);
        return found.IsError
            ? Outcome<(string Venue, SymbolRules Rules)>.Refuse(found.InputError!)
            : Outcome<(string Venue, SymbolRules Rules)>.Ok((found.Value.Venue.Name, found.Value.Rules));
    }

    /// <exception cref="VenueUnavailableException">The venue could not answer.</exception>
    private Outcome<(IVenue Venue, SymbolRules Rules)> Find(ClientId? clientId, string venueName, Symbol symbol)
    {
        var paper = string.Equals(venueName, VenueScope.PaperVenue, StringComparison.OrdinalIgnoreCase);
        // Venues other than paper belong to the tenant that added them: without a tenant there is no such venue to ask.
        if (!paper && clientId is null)
            return Outcome<(IVenue, SymbolRules)>.Refuse($"venue '{venueName}' is a tenant's venue: give --client-id N (only '{VenueScope.PaperVenue}' needs none)");
        // The paper venue is the same for every tenant, so any id finds it.
        var venue = env.Venues.Find(clientId ?? ClientId.From(1), venueName);
        if (venue is null)
            return Outcome<(IVenue, SymbolRules)>.Refuse($"unknown venue '{venueName}'");
        if (venue.FindSymbol(symbol) is not { } rules)
            return Outcome<(IVenue, SymbolRules)>.Refuse($"unknown symbol '{symbol}' on venue '{venue.Name}'");
        return Outcome<(IVenue Venue, SymbolRules Rules)>.Ok((venue, rules));
    }
}
