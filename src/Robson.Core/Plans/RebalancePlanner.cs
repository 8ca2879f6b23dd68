using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Core.Plans;

/// <summary>What a rebalance needs: market legs (sells first, then buys) and the allocation before and after.</summary>
public sealed record RebalanceProposal(IReadOnlyList<PlanLeg> Legs, IReadOnlyList<AllocationRow> Allocation, IReadOnlyList<string> Notes);

/// <summary>
/// Computes the market orders that move a tenant's holdings to target percentages of equity, valued at the
/// current mids. Quantities are whole steps, the nearest to the target (a sell never more than is held); legs
/// below the venue's minimum quantity or notional are skipped (and noted), sells come before buys, and buys are
/// scaled down (to whole steps, re-checked against the minimums) if the quote asset, after the sells and fees,
/// cannot pay for them. Pure: same inputs, same legs.
/// </summary>
public static class RebalancePlanner
{
    public static RebalanceProposal Propose(
        AccountSnapshot account, IReadOnlyDictionary<string, decimal> targets, IReadOnlyDictionary<string, SymbolRules> symbolsByBase, decimal feeRate)
    {
        var equity = account.Equity;
        var quote = account.QuoteAsset;
        var notes = new List<string>();
        var assets = targets.Keys.Union(account.Balances.Where(b => b.Value != 0).Select(b => b.Key)).OrderBy(a => a, StringComparer.Ordinal).ToList();
        var allocation = new List<AllocationRow>();
        var sells = new List<PlanLeg>();
        var buys = new List<PlanLeg>();

        foreach (var asset in assets)
        {
            var held = account.Free(asset);
            var price = account.PriceOf(asset);
            var targetPercent = targets.GetValueOrDefault(asset);
            var currentPercent = equity > 0 ? Math.Round(held * price / equity * 100m, 4) : 0m;
            var targetQuantity = price > 0 ? equity * targetPercent / 100m / price : 0m;
            allocation.Add(new AllocationRow(asset, held, price, currentPercent, targetPercent, asset == quote ? Math.Round(targetQuantity, 8) : targetQuantity));
            if (asset == quote) continue;
            if (!symbolsByBase.TryGetValue(asset, out var rules) || price <= 0)
            {
                notes.Add($"{asset} has no {quote} market here: left as it is");
                continue;
            }

            var delta = targetQuantity - held;
            var step = rules.StepSize;
            // The nearest whole step (within half a step of the target); a sell never exceeds what is held.
            var quantity = step > 0 ? Math.Round(Math.Abs(delta) / step, MidpointRounding.ToZero) * step : Math.Abs(delta);
            if (step > 0 && Math.Abs(delta) - quantity > step / 2) quantity += step;
            if (delta < 0) quantity = Math.Min(quantity, step > 0 ? Decimals.FloorToStep(held, step) : held);
            if (quantity <= 0) continue;
            if (!Tradable(rules, quantity, price))
            {
                notes.Add($"{asset}: a {(delta < 0 ? "sell" : "buy")} of {Decimals.Canonical(quantity)} is outside the venue's minimum or maximum: skipped");
                continue;
            }
            (delta < 0 ? sells : buys).Add(new PlanLeg(rules.Symbol, delta < 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market, quantity, null, null));
        }

        var available = account.Free(quote) + sells.Sum(l => l.Quantity * account.PriceOf(symbolsByBase.Values.First(r => r.Symbol == l.Symbol).BaseAsset)) * (1 - feeRate);
        var cost = buys.Sum(l => Value(l, account, symbolsByBase)) * (1 + feeRate);
        if (cost > available && cost > 0)
        {
            var ratio = available / cost;
            notes.Add($"buys scaled to {Decimals.Canonical(Math.Round(ratio * 100m, 2))} % so {quote} covers them and their fees");
            buys = buys.Select(l =>
            {
                var rules = symbolsByBase.Values.First(r => r.Symbol == l.Symbol);
                return (Leg: l with { Quantity = rules.StepSize > 0 ? Decimals.FloorToStep(l.Quantity * ratio, rules.StepSize) : l.Quantity * ratio }, Rules: rules);
            }).Where(x =>
            {
                var ok = x.Leg.Quantity > 0 && Tradable(x.Rules, x.Leg.Quantity, account.PriceOf(x.Rules.BaseAsset));
                if (!ok) notes.Add($"{x.Rules.BaseAsset}: the scaled buy is below the venue's minimum: skipped");
                return ok;
            }).Select(x => x.Leg).ToList();
        }
        return new RebalanceProposal([.. sells, .. buys], allocation, notes);
    }

    private static bool Tradable(SymbolRules rules, decimal quantity, decimal price)
    {
        var lot = rules.LotFor(OrderType.Market);
        return quantity >= rules.MinQty && (lot is not { MaxQty: > 0 } || quantity <= lot.MaxQty) && quantity * price >= rules.MinNotional;
    }

    private static decimal Value(PlanLeg leg, AccountSnapshot account, IReadOnlyDictionary<string, SymbolRules> symbolsByBase) =>
        leg.Quantity * account.PriceOf(symbolsByBase.Values.First(r => r.Symbol == leg.Symbol).BaseAsset);
}
