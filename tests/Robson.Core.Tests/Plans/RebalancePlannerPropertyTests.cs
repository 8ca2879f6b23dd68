using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;

namespace Robson.Core.Tests.Plans;

/// <summary>
/// Rebalances over BTC/ETH/SOL/USDT without fees, at fixed prices whose minimum-notional quantity (5 USDT) falls on
/// each symbol's step (5 / 50 000 = 10 steps of 0.00001, 5 / 2 500 = 20 of 0.0001, 5 / 125 = 40 of 0.001), for a
/// tenant with at least 1 000 USDT of equity keeping at least 1 % in USDT (so the quote always covers the buys and
/// none is scaled).
/// </summary>
public sealed class RebalancePlannerPropertyTests
{
    private static readonly Dictionary<string, SymbolRules> Symbols = new()
    {
        ["BTC"] = SymbolRules.Simple(Symbol.From("BTCUSDT"), "TRADING", "BTC", "USDT", 0.01m, 1_000_000m, 0.01m, 0.00001m, 9_000m, 0.00001m, 5m),
        ["ETH"] = SymbolRules.Simple(Symbol.From("ETHUSDT"), "TRADING", "ETH", "USDT", 0.01m, 1_000_000m, 0.01m, 0.0001m, 9_000m, 0.0001m, 5m),
        ["SOL"] = SymbolRules.Simple(Symbol.From("SOLUSDT"), "TRADING", "SOL", "USDT", 0.001m, 100_000m, 0.001m, 0.001m, 900_000m, 0.001m, 5m),
    };

    private static readonly Dictionary<string, decimal> Prices = new() { ["BTC"] = 50_000m, ["ETH"] = 2_500m, ["SOL"] = 125m };

    /// <summary>Whole percentages summing to 100, at least 1 for USDT.</summary>
    private static readonly Gen<Dictionary<string, decimal>> Targets =
        from cuts in Gen.Choose(0, 99).ArrayOf(3)
        let c = cuts.Order().ToArray()
        select new Dictionary<string, decimal> { ["BTC"] = c[0], ["ETH"] = c[1] - c[0], ["SOL"] = c[2] - c[1], ["USDT"] = 100 - c[2] };

    private static AccountSnapshot Account(decimal btc, decimal eth, decimal sol, decimal usdt) =>
        new("USDT", new Dictionary<string, decimal> { ["BTC"] = btc, ["ETH"] = eth, ["SOL"] = sol, ["USDT"] = usdt }, Prices);

    /// <summary>Up to 3 BTC, 50 ETH, 1 000 SOL and 200 000 USDT, finer than the steps; sometimes an asset is not held.</summary>
    private static readonly Gen<AccountSnapshot> AnyAccount =
        from btc in Gen.Choose(0, 300_000_000)
        from eth in Gen.Choose(0, 500_000_000)
        from sol in Gen.Choose(0, 1_000_000_000)
        from usdt in Gen.Choose(0, 2_000_000_000)
        from absent in Gen.Choose(0, 15)
        select Account(
            (absent & 1) == 0 ? btc / 100_000_000m : 0m, (absent & 2) == 0 ? eth / 10_000_000m : 0m,
            (absent & 4) == 0 ? sol / 1_000_000m : 0m, (absent & 8) == 0 ? usdt / 10_000m : 0m);

    /// <summary>
    /// Already close to the targets: each asset a few steps (up to 200, plus sub-step dust) off its target
    /// quantity, so legs land around the minimum notional and some are skipped.
    /// </summary>
    private static Gen<AccountSnapshot> NearTargets(Dictionary<string, decimal> targets) =>
        from equity in Gen.Choose(1_000, 1_000_000)
        from noise in Gen.Choose(-200, 200).ArrayOf(3)
        from dust in Gen.Choose(0, 999).ArrayOf(3)
        let held = Symbols.Keys.Select((asset, i) =>
        {
            var step = Symbols[asset].StepSize;
            var near = Math.Floor(equity * targets[asset] / 100m / Prices[asset] / step) * step + noise[i] * step + dust[i] * step / 1000m;
            return Math.Max(0m, near);
        }).ToArray()
        select Account(held[0], held[1], held[2], equity * targets["USDT"] / 100m);

    private static readonly Arbitrary<(AccountSnapshot Account, Dictionary<string, decimal> Targets)> Cases =
        (from targets in Targets
         from account in Gen.OneOf(AnyAccount, NearTargets(targets))
         select (account, targets))
        .Where(c => c.account.Equity >= 1_000m)
        .ToArbitrary();

    private static string Describe(RebalanceProposal proposal) =>
        $"legs [{string.Join(" | ", proposal.Legs.Select(l => l.Describe()))}] notes [{string.Join(" | ", proposal.Notes)}]";

    [Property(MaxTest = 500)]
    public Property Propose_AppliedAtMids_LeavesEachAssetWithinOneStepOfTargetUnlessTheRestIsBelowMinNotional() =>
        Prop.ForAll(Cases, c =>
        {
            var proposal = RebalancePlanner.Propose(c.Account, c.Targets, Symbols, 0m);
            var equity = c.Account.Equity;
            var result = true.Label("no asset");
            foreach (var (asset, rules) in Symbols)
            {
                var price = Prices[asset];
                var bought = proposal.Legs.Where(l => l.Symbol == rules.Symbol).Sum(l => l.Side == OrderSide.Buy ? l.Quantity : -l.Quantity);
                var final = c.Account.Free(asset) + bought;
                var target = equity * c.Targets[asset] / 100m / price;
                var rest = Math.Abs(target - final);
                result = result.And((rest <= rules.StepSize || rest * price < rules.MinNotional)
                    .Label($"{asset}: ends at {final}, target {target}, {rest} ({rest * price} USDT) away; {Describe(proposal)}"));
            }
            return result;
        });

    [Property(MaxTest = 500)]
    public Property Propose_EveryLegRespectsItsSymbolsRulesAndSellsComeFirst() =>
        Prop.ForAll(Cases, c =>
        {
            var proposal = RebalancePlanner.Propose(c.Account, c.Targets, Symbols, 0m);
            var sides = proposal.Legs.Select(l => l.Side).ToList();
            var result = sides.SkipWhile(s => s == OrderSide.Sell).All(s => s == OrderSide.Buy).Label($"sells after a buy: {Describe(proposal)}");
            foreach (var leg in proposal.Legs)
            {
                var rules = Symbols.Values.Single(r => r.Symbol == leg.Symbol);
                result = result
                    .And((leg.Type == OrderType.Market).Label($"not a market leg: {leg.Describe()}"))
                    .And(rules.LotSize!.IsValid(leg.Quantity).Label($"LOT_SIZE: {leg.Describe()}"))
                    .And((leg.Quantity * Prices[rules.BaseAsset] >= rules.MinNotional).Label($"MIN_NOTIONAL: {leg.Describe()}"))
                    .And((leg.Side == OrderSide.Buy || leg.Quantity <= c.Account.Free(rules.BaseAsset)).Label($"sells more than held: {leg.Describe()}"));
            }
            return result;
        });

    [Property(MaxTest = 200)]
    public Property Propose_IsPure_SameInputsSameLegs() =>
        Prop.ForAll(Cases, c =>
            RebalancePlanner.Propose(c.Account, c.Targets, Symbols, 0m).Legs
                .SequenceEqual(RebalancePlanner.Propose(c.Account, c.Targets, Symbols, 0m).Legs));
}
