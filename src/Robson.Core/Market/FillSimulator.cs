using Robson.Core.Domain;

namespace Robson.Core.Market;

/// <summary>What walking the book for one order gives: how much fills, at what average, at what cost.</summary>
public sealed record SimulatedFill(
    decimal RequestedQuantity,
    decimal FilledQuantity,
    decimal AveragePrice,
    decimal Notional,
    decimal Fee,
    decimal? Mid,
    decimal SlippageBps,
    IReadOnlyList<BookLevel> Fills)
{
    public bool FullyFilled => FilledQuantity == RequestedQuantity;
}

/// <summary>
/// Walks an order book like a taker: a BUY consumes asks from the best up, a SELL bids from the best down;
/// a LIMIT order stops at its limit price. Pure, so DRY-RUN and the paper venue fill identically.
/// </summary>
public static class FillSimulator
{
    public static SimulatedFill Simulate(OrderBook book, OrderSide side, decimal quantity, decimal? limitPrice, decimal feeRate)
    {
        var levels = side == OrderSide.Buy ? book.Asks : book.Bids;
        var remaining = quantity;
        var fills = new List<BookLevel>();
        var notional = 0m;
        foreach (var level in levels)
        {
            if (remaining <= 0) break;
            if (limitPrice is { } limit && (side == OrderSide.Buy ? level.Price > limit : level.Price < limit)) break;
            var take = Math.Min(remaining, level.Quantity);
            fills.Add(new BookLevel(level.Price, take));
            notional += take * level.Price;
            remaining -= take;
        }

        var filled = quantity - remaining;
        var average = filled > 0 ? notional / filled : 0m;
        var mid = book.Mid;
        var slippage = filled > 0 && mid is { } m && m > 0
            ? Math.Round((side == OrderSide.Buy ? average - m : m - average) / m * 10_000m, 4)
            : 0m;
        return new SimulatedFill(quantity, filled, Math.Round(average, 8), notional, notional * feeRate, mid, slippage, fills);
    }
}
