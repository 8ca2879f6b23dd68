using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>Validation contexts on a BTCUSDT-like venue: tick 0.01, step 0.00001, min qty 0.00001, min notional 5.</summary>
internal static class ValidationContexts
{
    public static SymbolRules BtcUsdtRules(string status = "TRADING") =>
        new(BtcUsdt, status, "BTC", "USDT", MinPrice: 0.01m, MaxPrice: 1_000_000m, TickSize: 0.01m,
            MinQty: 0.00001m, MaxQty: 9_000m, StepSize: 0.00001m, MinNotional: 5m);

    /// <summary>A one-level book around <paramref name="mid"/>, one cent either side.</summary>
    public static OrderBook BookAround(decimal mid) =>
        new([new BookLevel(mid - 0.01m, 1m)], [new BookLevel(mid + 0.01m, 1m)], Now);

    public static ValidationContext For(Plan plan, Strategy? strategy = null, SymbolRules? rules = null, OrderBook? book = null) =>
        new(Client, plan, strategy ?? Strategy(),
            new Dictionary<Symbol, SymbolRules> { [BtcUsdt] = rules ?? BtcUsdtRules() },
            new Dictionary<Symbol, OrderBook> { [BtcUsdt] = book ?? BookAround(50_000m) });

    public static ValidationContext For(params PlanLeg[] legs) => For(Plan(legs));

    public static ValidationContext WithoutMarket(Plan plan) =>
        new(Client, plan, Strategy(), new Dictionary<Symbol, SymbolRules>(), new Dictionary<Symbol, OrderBook>());
}
