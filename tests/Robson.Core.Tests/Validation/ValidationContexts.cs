using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>
/// Validation contexts on a BTCUSDT-like venue: tick 0.01, step 0.00001, min qty 0.00001, min notional 5;
/// a fresh book one cent either side of 50 000; fee 0.1 %; an account of 10 000 USDT and no BTC.
/// </summary>
internal static class ValidationContexts
{
    public const decimal FeeRate = 0.001m;
    public const decimal QuoteBalance = 10_000m;

    public static SymbolRules BtcUsdtRules(string status = "TRADING") =>
        SymbolRules.Simple(BtcUsdt, status, "BTC", "USDT", 0.01m, 1_000_000m, 0.01m, 0.00001m, 9_000m, 0.00001m, 5m);

    /// <summary>The BTCUSDT rules with <paramref name="filters"/> added.</summary>
    public static SymbolRules BtcUsdtRulesWith(params SymbolFilter[] filters)
    {
        var rules = BtcUsdtRules();
        return rules with { Filters = [.. rules.Filters, .. filters] };
    }

    /// <summary>A one-level book around <paramref name="mid"/>, one cent either side.</summary>
    public static OrderBook BookAround(decimal mid) =>
        new([new BookLevel(mid - 0.01m, 1m)], [new BookLevel(mid + 0.01m, 1m)], Now);

    /// <summary>Balances valued with BTC at <paramref name="btcPrice"/>.</summary>
    public static AccountSnapshot Account(decimal usdt = QuoteBalance, decimal btc = 0m, decimal btcPrice = 50_000m) =>
        new("USDT", new Dictionary<string, decimal> { ["USDT"] = usdt, ["BTC"] = btc }, new Dictionary<string, decimal> { ["BTC"] = btcPrice });

    public static ValidationContext For(Plan plan, Strategy? strategy = null, SymbolRules? rules = null, OrderBook? book = null)
    {
        var orderBook = book ?? BookAround(50_000m);
        return new ValidationContext(Client, plan, strategy ?? Strategy(),
            new Dictionary<Symbol, SymbolRules> { [BtcUsdt] = rules ?? BtcUsdtRules() },
            new Dictionary<Symbol, OrderBook> { [BtcUsdt] = orderBook })
        {
            Now = Now,
            TakerFeeRate = FeeRate,
            Account = Account(btcPrice: orderBook.Mid ?? 50_000m),
        };
    }

    public static ValidationContext For(params PlanLeg[] legs) => For(Plan(legs));

    public static ValidationContext WithoutMarket(Plan plan) =>
        new(Client, plan, Strategy(), new Dictionary<Symbol, SymbolRules>(), new Dictionary<Symbol, OrderBook>())
        {
            Now = Now,
            TakerFeeRate = FeeRate,
            Account = Account(),
        };
}
