namespace Robson.Cli.Tests.Support.FakeBinance;

internal readonly record struct BookLevel(decimal Price, decimal Qty);

internal readonly record struct Match(decimal Price, decimal Qty);

/// <summary>
/// A deterministic book around a mid: <c>levels</c> levels each side, one spacing apart (1 bp of the mid,
/// at least one tick), the best bid and ask half a spacing from the mid, on the tick; level i (from 0)
/// holds about <c>levelNotional × (i+1)</c> of quote, on the step. The book is not consumed by fills: every
/// order meets the same book until the mid moves.
/// </summary>
internal sealed class OrderBook
{
    public IReadOnlyList<BookLevel> Bids { get; }
    public IReadOnlyList<BookLevel> Asks { get; }

    public OrderBook(SymbolSpec spec, decimal mid, int levels, decimal levelNotional)
    {
        var spacing = Math.Max(spec.TickSize, spec.FloorToTick(mid * 0.0001m));
        var bestBid = spec.FloorToTick(mid - spacing / 2);
        var bestAsk = spec.CeilToTick(mid + spacing / 2);
        if (bestAsk <= bestBid) bestAsk = bestBid + spec.TickSize;
        var bids = new List<BookLevel>();
        var asks = new List<BookLevel>();
        for (var i = 0; i < levels; i++)
        {
            var bid = bestBid - i * spacing;
            if (bid >= spec.MinPrice) bids.Add(new BookLevel(bid, Size(spec, bid, levelNotional * (i + 1))));
            var ask = bestAsk + i * spacing;
            asks.Add(new BookLevel(ask, Size(spec, ask, levelNotional * (i + 1))));
        }
        Bids = bids;
        Asks = asks;
    }

    private static decimal Size(SymbolSpec spec, decimal price, decimal notional) => Math.Max(spec.StepSize, spec.FloorToStep(notional / price));

    public BookLevel BestBid => Bids.Count > 0 ? Bids[0] : new BookLevel(0, 0);
    public BookLevel BestAsk => Asks[0];

    /// <summary>True when a limit order at <paramref name="price"/> on <paramref name="buy"/>'s side would trade now.</summary>
    public bool Crosses(bool buy, decimal price) => buy ? price >= BestAsk.Price : Bids.Count > 0 && price <= BestBid.Price;

    /// <summary>Walks the opposite side for up to <paramref name="quantity"/>, no worse than <paramref name="limit"/> when given.</summary>
    public List<Match> Walk(bool buy, decimal quantity, decimal? limit)
    {
        var matches = new List<Match>();
        var remaining = quantity;
        foreach (var level in buy ? Asks : Bids)
        {
            if (remaining <= 0) break;
            if (limit is { } l && (buy ? level.Price > l : level.Price < l)) break;
            var qty = Math.Min(remaining, level.Qty);
            matches.Add(new Match(level.Price, qty));
            remaining -= qty;
        }
        return matches;
    }

    /// <summary>The base quantity (on the step) a MARKET order spending or receiving <paramref name="quote"/> trades.</summary>
    public decimal QuantityForQuote(SymbolSpec spec, bool buy, decimal quote)
    {
        var remaining = quote;
        var quantity = 0m;
        foreach (var level in buy ? Asks : Bids)
        {
            var levelQuote = level.Price * level.Qty;
            if (remaining >= levelQuote)
            {
                quantity += level.Qty;
                remaining -= levelQuote;
                continue;
            }
            quantity += spec.FloorToStep(remaining / level.Price);
            break;
        }
        return quantity;
    }
}
