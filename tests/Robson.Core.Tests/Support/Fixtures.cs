using System.Globalization;
using Robson.Core.Domain;
using Robson.Core.Plans;
using Robson.Core.Strategies;

namespace Robson.Core.Tests.Support;

/// <summary>The tenant, strategy and plan most tests start from: everything valid, LIVE-enabled.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    public static readonly ClientId Client = ClientId.From(1);
    public static readonly ClientId OtherClient = ClientId.From(2);
    public static readonly Symbol BtcUsdt = Symbol.From("BTCUSDT");
    public const long StrategyId = 7;

    /// <summary>A decimal from invariant text, so theories can state exact decimals.</summary>
    public static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    public static PlanLeg LimitBuy(decimal quantity = 0.001m, decimal price = 50000m) =>
        new(BtcUsdt, OrderSide.Buy, OrderType.Limit, quantity, price, null);

    public static PlanLeg MarketBuy(decimal quantity = 0.001m) =>
        new(BtcUsdt, OrderSide.Buy, OrderType.Market, quantity, null, null);

    public static Plan Plan(params PlanLeg[] legs) => PlanHasher.WithHash(new Plan(
        "pl4n0001", Client, StrategyId, PlanKind.Buy, "paper",
        legs.Length == 0 ? [LimitBuy()] : legs, Now.AddMinutes(-30), ""));

    /// <summary>A complete, sane configuration that enables LIVE.</summary>
    public static StrategySettings LiveSettings() => new()
    {
        MaxDrawdownPercent = 20m,
        StopLossPercent = 5m,
        MaxPositionSizePercent = 25m,
        MaxOrdersPerDay = 10,
        MaxNotionalPerDay = 10_000m,
        MaxLossPerDay = 500m,
        LiveEnabled = true,
    };

    public static Strategy Strategy(StrategySettings? settings = null, int version = 1) =>
        new(StrategyId, Client, "core", version, settings ?? LiveSettings(), Now.AddDays(-1), Now.AddDays(-1));
}
