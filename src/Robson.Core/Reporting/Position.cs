using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.Reporting;

/// <summary>
/// What Robson holds of one symbol on one venue (<see cref="VenueSymbol"/>), by the average-cost method, fees included:
/// <see cref="Quantity"/> bought and not yet sold, its <see cref="CostBasis"/> (what those units cost, buy fees
/// included) and the P&amp;L its sells realised so far. <see cref="Apply"/> is the one step from a fill to the next
/// position: the replay of fills (<see cref="RealisedPnl"/>) and the positions a store keeps as each fill is recorded
/// both take it, so the two cannot drift apart.
/// </summary>
public readonly record struct Position(decimal Quantity, decimal CostBasis, decimal RealisedPnl)
{
    /// <summary>Nothing held, nothing realised: a position before its first fill.</summary>
    public static readonly Position Flat = new(0m, 0m, 0m);

    /// <summary>The cost of one unit held (fees included), or zero when nothing is held.</summary>
    public decimal AverageCost => Quantity > 0 ? CostBasis / Quantity : 0m;

    /// <summary>
    /// The position after <paramref name="fill"/>, and what the fill realised (null for a buy). A buy adds its quantity
    /// and its cost plus fee; a sell realises (price × matched quantity) − the matched share of the cost basis − fee.
    /// Quantity sold beyond what is held has no known cost, so it realises only its fee; closing the whole position takes
    /// the whole cost basis, so no rounding of cost/quantity is left behind.
    /// </summary>
    public (Position After, decimal? Realised) Apply(FillRecord fill) => Apply(fill.Side, fill.Price, fill.Quantity, fill.FeeInQuote);

    public (Position After, decimal? Realised) Apply(OrderSide side, decimal price, decimal quantity, decimal feeInQuote)
    {
        if (side == OrderSide.Buy)
            return (this with { Quantity = Quantity + quantity, CostBasis = CostBasis + price * quantity + feeInQuote }, null);

        var matched = Math.Min(Quantity, quantity);
        var matchedCost = matched == Quantity ? CostBasis : Quantity > 0 ? CostBasis * matched / Quantity : 0m;
        var realised = price * matched - matchedCost - feeInQuote;
        return (new Position(Quantity - matched, CostBasis - matchedCost, RealisedPnl + realised), realised);
    }
}
