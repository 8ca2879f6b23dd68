using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Guards;

namespace Robson.Core.Tests.Guards;

/// <summary>For LIVE, the limits guard passes exactly when today's figure plus the plan's stays within the max.</summary>
public sealed class ExecutionLimitsPropertyTests
{
    private static readonly ExecutionLimitsGuard Guard = new();

    private static GuardContext Live(int maxOrders, decimal maxNotional, DailyUsage today, IReadOnlyList<decimal> legs) =>
        GuardContexts.Live().WithSettings(s => s with { MaxOrdersPerDay = maxOrders, MaxNotionalPerDay = maxNotional, MaxLossPerDay = 1m }) with
        {
            Today = today,
            Exposure = new PlanExposure(legs),
        };

    [Property]
    public Property Orders_PassIffTodayPlusPlannedWithinMax() =>
        Prop.ForAll(
            Gen.Choose(0, 50).Zip(Gen.Choose(0, 50)).Zip(Gen.Choose(1, 5)).ToArbitrary(),
            t =>
            {
                var ((maxOrders, ordersToday), planned) = t;
                var context = Live(maxOrders, decimal.MaxValue / 2, new DailyUsage(ordersToday, 0m, 0m),
                    Enumerable.Repeat(1m, planned).ToList());
                return Guard.Evaluate(context).Passed == (ordersToday + planned <= maxOrders);
            });

    /// <summary>Amounts in cents; the max is often placed within a few cents of the projected total.</summary>
    private static readonly Gen<(decimal Max, decimal Today, decimal Planned)> Notionals =
        from today in Gen.Choose(0, 1_000_000)
        from planned in Gen.Choose(1, 1_000_000)
        from nearBoundary in Gen.Elements(true, false)
        from offset in Gen.Choose(-3, 3)
        from anyMax in Gen.Choose(0, 2_000_000)
        let max = nearBoundary ? today + planned + offset : anyMax
        select (max / 100m, today / 100m, planned / 100m);

    [Property]
    public Property Notional_PassIffTodayPlusPlannedWithinMax() =>
        Prop.ForAll(Notionals.ToArbitrary(), n =>
        {
            var context = Live(int.MaxValue, n.Max, new DailyUsage(0, n.Today, 0m), [n.Planned]);
            return Guard.Evaluate(context).Passed == (n.Today + n.Planned <= n.Max);
        });
}
