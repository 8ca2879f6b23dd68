namespace Robson.Core.Market;

public sealed record BookLevel(decimal Price, decimal Quantity);

/// <summary>A depth snapshot: bids best (highest) first, asks best (lowest) first.</summary>
public sealed record OrderBook(IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks, DateTimeOffset AsOf)
{
    public decimal? BestBid => Bids.Count > 0 ? Bids[0].Price : null;
    public decimal? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;

    public decimal? Mid => BestBid is { } bid && BestAsk is { } ask ? (bid + ask) / 2 : null;
}
