using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Venues.Paper;

/// <summary>
/// A deterministic depth book around a mid price: 20 levels a side, a half-spread of 0.5 bp and 2 bp
/// between levels (never under one tick), 25,000 quote × (level+1) of size on each level. The mid is
/// exactly the reference price, so slippage is measured from it.
/// </summary>
public static class PaperBook
{
    public const int Levels = 20;
    private const decimal HalfSpread = 0.00005m;
    private const decimal LevelGap = 0.0002m;
    private const decimal LevelQuote = 25_000m;

    public static OrderBook Around(SymbolRules rules, decimal mid, DateTimeOffset asOf)
    {
        var half = Math.Max(rules.TickSize, Decimals.FloorToStep(mid * HalfSpread, rules.TickSize));
        var gap = Math.Max(rules.TickSize, Decimals.FloorToStep(mid * LevelGap, rules.TickSize));
        var bids = new List<BookLevel>(Levels);
        var asks = new List<BookLevel>(Levels);
        for (var i = 0; i < Levels; i++)
        {
            var ask = mid + half + i * gap;
            var bid = mid - half - i * gap;
            asks.Add(new BookLevel(ask, Size(rules, ask, i)));
            if (bid > 0) bids.Add(new BookLevel(bid, Size(rules, bid, i)));
        }
        return new OrderBook(bids, asks, asOf);
    }

    private static decimal Size(SymbolRules rules, decimal price, int level) =>
        Math.Max(rules.StepSize, Decimals.FloorToStep(LevelQuote * (level + 1) / price, rules.StepSize));
}
