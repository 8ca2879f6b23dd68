using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Venues.Paper;

/// <summary>What the paper venue checks before it looks at funds, with Binance's wording, so a rehearsal fails where the real venue would.</summary>
internal static class PaperOrderChecks
{
    /// <summary>
    /// Like Binance's matching engine, which checks the signed timestamp against the recvWindow again: an order signed
    /// (marked SENT) longer than <paramref name="window"/> ago is refused, and the venue keeps no record of it.
    /// </summary>
    public static string? OutsideWindow(DateTimeOffset? sentAt, DateTimeOffset now, TimeSpan window) =>
        sentAt is { } sent && now - sent > window ? "Timestamp for this request is outside of the recvWindow." : null;

    /// <summary>PRICE_FILTER (each price a multiple of the tick) and LOT_SIZE (a multiple of the step, at least the minimum).</summary>
    public static string? FilterFailure(SymbolRules rules, decimal quantity, params decimal?[] prices)
    {
        if (prices.Any(p => p is { } price && (price <= 0 || !Decimals.IsMultipleOf(price, rules.TickSize))))
            return "Filter failure: PRICE_FILTER";
        if (quantity < rules.MinQty || !Decimals.IsMultipleOf(quantity, rules.StepSize))
            return "Filter failure: LOT_SIZE";
        return null;
    }
}
