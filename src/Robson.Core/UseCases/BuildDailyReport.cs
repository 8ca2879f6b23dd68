using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;
using Robson.Core.Strategies;

namespace Robson.Core.UseCases;

/// <summary>
/// Reads (never writes) a tenant's activity over whole UTC days: the figures the daily limits are checked
/// against (LIVE orders and fills, realised P&amp;L by average cost, fees included), validations, executions
/// and what blocked them.
/// </summary>
public sealed class BuildDailyReport(RobsonEnvironment env)
{
    /// <summary>The longest period one report covers.</summary>
    public const int MaxDays = 366;

    public DateOnly Today => DateOnly.FromDateTime(env.Time.GetUtcNow().UtcDateTime);

    public DailyReport Execute(ClientId clientId, DateOnly? day)
    {
        var date = day ?? Today;
        return Execute(clientId, date, date);
    }

    public DailyReport Execute(ClientId clientId, DateOnly from, DateOnly to)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
            throw new ArgumentOutOfRangeException(nameof(to), $"a report covers 1 to {MaxDays} days");
        var store = env.Store;
        var orders = store.LiveOrdersBetween(clientId, from, to).Where(o => o.CountsAgainstLimits).ToList();
        var allFills = store.LiveFillsThrough(clientId, to, VenueScope.AllVenues);
        var fills = allFills.Where(f => DayOf(f.FilledAt) >= from).ToList();
        var sales = RealisedPnl.Sales(allFills, to).Where(s => s.Day >= from).ToList();

        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).Select(day =>
        {
            var dayOrders = orders.Where(o => DayOf(o.CreatedAt) == day).ToList();
            var dayFills = fills.Where(f => DayOf(f.FilledAt) == day).ToList();
            return new DayActivity(day, dayOrders.Count, dayOrders.Sum(o => o.CountedNotional), dayFills.Count,
                dayFills.Sum(f => f.FeeInQuote), sales.Where(s => s.Day == day).Sum(s => s.Pnl));
        }).ToList();

        var symbols = orders.Select(o => o.Symbol).Concat(fills.Select(f => f.Symbol)).Distinct()
            .OrderBy(s => s.Value, StringComparer.Ordinal)
            .Select(symbol =>
            {
                var symbolOrders = orders.Where(o => o.Symbol == symbol).ToList();
                var symbolFills = fills.Where(f => f.Symbol == symbol).ToList();
                var symbolSales = sales.Where(s => s.Fill.Symbol == symbol).ToList();
                return new SymbolActivity(symbol, symbolOrders.Count, symbolOrders.Sum(o => o.CountedNotional), symbolFills.Count,
                    symbolFills.Where(f => f.Side == OrderSide.Buy).Sum(f => f.Quantity),
                    symbolFills.Where(f => f.Side == OrderSide.Sell).Sum(f => f.Quantity),
                    symbolFills.Sum(f => f.FeeInQuote), symbolSales.Sum(s => s.Pnl), symbolSales.Count > 0);
            }).ToList();

        var executions = store.ExecutionsBetween(clientId, from, to);
        return new DailyReport(clientId, from, to, days, symbols,
            store.ListStrategies(clientId).Select(s => new StrategyLimits(s, LimitsOf(s.Settings, days))).ToList(),
            store.ValidationsBetween(clientId, from, to), Tally(executions), Blocked(executions));
    }

    private static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>Each limit against the period's busiest day for it (the latest such day on a tie).</summary>
    private static List<LimitUsage> LimitsOf(StrategySettings settings, IReadOnlyList<DayActivity> days) =>
    [
        Peak(LimitUsage.OrdersLimit, days, d => d.Orders, settings.MaxOrdersPerDay),
        Peak(LimitUsage.NotionalLimit, days, d => d.Notional, settings.MaxNotionalPerDay),
        Peak(LimitUsage.LossLimit, days, d => d.RealisedLoss, settings.MaxLossPerDay),
    ];

    private static LimitUsage Peak(string limit, IReadOnlyList<DayActivity> days, Func<DayActivity, decimal> used, decimal? max)
    {
        var busiest = days.Aggregate((best, day) => used(day) >= used(best) ? day : best);
        return new LimitUsage(limit, used(busiest), max, busiest.Day);
    }

    private static List<ExecutionTally> Tally(IReadOnlyList<ExecutionResult> executions) =>
        [.. new[] { ExecutionMode.Live, ExecutionMode.DryRun }.Select(mode =>
        {
            var ofMode = executions.Where(e => e.Mode == mode).ToList();
            return new ExecutionTally(mode, ofMode.Count(e => e.Status == ExecutionStatus.Success),
                ofMode.Count(e => e.Status == ExecutionStatus.Failed), ofMode.Count(e => e.Status == ExecutionStatus.Blocked));
        })];

    private static BlockedAttempts Blocked(IReadOnlyList<ExecutionResult> executions)
    {
        var blocked = executions.Where(e => e.Status == ExecutionStatus.Blocked).ToList();
        var byGuard = blocked.SelectMany(e => e.Guards.Where(g => !g.Passed).Select(g => g.Name).Distinct())
            .GroupBy(name => name)
            .Select(g => new GuardBlockCount(g.Key, g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Guard, StringComparer.Ordinal)
            .ToList();
        return new BlockedAttempts(blocked.Count, blocked.Count(e => e.Mode == ExecutionMode.Live),
            blocked.Count(e => e.Mode == ExecutionMode.DryRun), byGuard);
    }
}
