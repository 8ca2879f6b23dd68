using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Execution;

/// <summary>
/// The worst price a LIVE market order may fill at: the strategy's collar from the mid read when it leaves,
/// rounded to the tick towards the mid (a buy's cap down, a sell's up), so the cap itself is inside the collar.
/// </summary>
public static class PriceCap
{
    /// <summary>The cap of a market leg, or null for a limit leg (its limit already bounds it) or without a mid.</summary>
    public static decimal? For(PlanLeg leg, decimal? mid, decimal collarPercent, decimal tickSize)
    {
        // A buy by quote amount goes as MARKET with quoteOrderQty, which Binance takes without a price: what it spends is
        // bounded by the amount, and MarketSanity refuses it (PRICE_COLLAR) when the asks it would take reach beyond the
        // collar, at validation and again as it leaves.
        if (leg.Type != OrderType.Market || mid is not > 0 || leg.IsCancel || leg.IsByQuote) return null;
        var factor = collarPercent / 100m;
        var raw = leg.Side == OrderSide.Buy ? mid.Value * (1 + factor) : mid.Value * (1 - factor);
        if (tickSize <= 0) return raw;
        return leg.Side == OrderSide.Buy
            ? Decimals.FloorToStep(raw, tickSize)
            : Math.Max(tickSize, Decimals.CeilingToStep(raw, tickSize));
    }
}
