using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Market;

/// <summary>
/// The base quantity a MARKET BUY by quote amount buys, as Binance fills <c>quoteOrderQty</c>: it walks the asks from the
/// best up, spending the quote amount on the order's value (fees come on top), and the quantity is rounded down to the
/// lot step, so it never breaks LOT_SIZE and never spends more than asked. Pure, so validation, DRY-RUN and the paper
/// venue size a quote order identically.
/// </summary>
public static class QuoteSizing
{
    public static decimal QuantityFor(OrderBook book, SymbolRules rules, decimal quote)
    {
        var remaining = quote;
        var quantity = 0m;
        foreach (var level in book.Asks)
        {
            if (remaining <= 0 || level.Price <= 0) break;
            var take = Math.Min(level.Quantity, remaining / level.Price);
            quantity += take;
            remaining -= take * level.Price;
        }
        var step = rules.LotFor(OrderType.Market)?.StepSize ?? 0m;
        return step > 0 ? Decimals.FloorToStep(quantity, step) : quantity;
    }

    /// <summary>The value the asks can absorb at all: a quote amount above it cannot be spent.</summary>
    public static decimal Depth(OrderBook book) => book.Asks.Sum(l => l.Price * l.Quantity);

    /// <summary>A quote leg with its estimated quantity (unchanged when it is not one, or when there is no book to size it on).</summary>
    public static PlanLeg Sized(PlanLeg leg, OrderBook? book, SymbolRules? rules) =>
        leg.QuoteQuantity is { } quote && book is not null && rules is not null ? leg with { Quantity = QuantityFor(book, rules, quote) } : leg;
}
