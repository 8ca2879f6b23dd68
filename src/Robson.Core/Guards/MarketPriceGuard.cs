using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>No price, no LIVE market order (NO_MARKET_PRICE): without a mid its notional, collar and cap are unknown.</summary>
public sealed class MarketPriceGuard : IExecutionGuard
{
    public const string Code = GuardCodes.NoMarketPrice;

    public string Name => "MarketPrice";

    public GuardResult Evaluate(GuardContext context)
    {
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, "A cancel needs no market price: it only takes an order off the book");
        if (context.SymbolsWithoutPrice.Count == 0)
            return GuardResult.Pass(Name, "Every market order has a price to be judged by");
        var symbols = string.Join(", ", context.SymbolsWithoutPrice);
        var reason = $"[{Code}] no market price for {symbols} (the book has no bid or no ask): a market order there cannot be valued or capped";
        return context.Mode == ExecutionMode.Live
            ? GuardResult.Fail(Name, Code, reason, ("code", Code), ("symbols", symbols))
            : GuardResult.Pass(Name, GuardResult.WouldBlockLive + reason, ("code", Code), ("symbols", symbols));
    }
}
