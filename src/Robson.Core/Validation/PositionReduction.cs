using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;

namespace Robson.Core.Validation;

/// <summary>Whether a plan only reduces existing positions: every leg sells an asset held, in total no more than held.</summary>
public static class PositionReduction
{
    public static bool OnlyReduces(Plan plan, IReadOnlyDictionary<Symbol, SymbolRules> rules, IReadOnlyDictionary<string, decimal>? balances)
    {
        if (balances is null) return false;
        var held = new Dictionary<string, decimal>(balances);
        foreach (var leg in plan.Legs)
        {
            if (leg.IsCancel && rules.TryGetValue(leg.Symbol, out var released))
            {
                held[released.BaseAsset] = held.GetValueOrDefault(released.BaseAsset) + leg.Quantity; // a protective order's lock is released first
                continue;
            }
            if (leg.Side != OrderSide.Sell || !rules.TryGetValue(leg.Symbol, out var r)) return false;
            var left = held.GetValueOrDefault(r.BaseAsset) - leg.Quantity;
            if (left < 0) return false;
            held[r.BaseAsset] = left;
        }
        return true;
    }
}
