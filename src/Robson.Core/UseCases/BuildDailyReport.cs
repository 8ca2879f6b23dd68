using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;
using Robson.Core.Strategies;

namespace Robson.Core.UseCases;

/// <summary>
/// Reads (never writes) a tenant's activity over whole UTC days, venue by venue: the figures the daily limits are
/// checked against (LIVE orders and fills, realised P&amp;L by average cost on each venue's own book, fees included),
/// validations, executions and what blocked them.
/// </summary>
public sealed class BuildDailyReport(RobsonEnvironment env)
{
    /// <summary>The longest period one report covers.</summary>
    public const int MaxDays = 366;

    public DateOnly Today => DateOnly.FromDateTime(env.Time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The report on <paramref name="venue"/> (the paper venue, one of the tenant's venues, or a venue it once traded on),
    /// or on each of the tenant's venues when null. An unknown venue is an input error.
    /// </summary>
    public Outcome<DailyReport> Execute(ClientId clientId, DateOnly from, DateOnly to, string? venue = null)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
            throw new ArgumentOutOfRangeException(nameof(to), $"a report covers 1 to {MaxDays} days");
        var store = env.Store;
        var known = store.ListVenues(clientId).Select(v => v.Name).Concat(store.VenuesWithOrders(clientId))
            .Prepend(VenueScope.PaperVenue).Distinct().ToList();
        if (venue is not null && string.Equals(venue, VenueScope.PaperVenue, StringComparison.OrdinalIgnoreCase))
            venue = VenueScope.PaperVenue; // as plans name it: any case
        if (venue is not null && !known.Contains(venue))
            return Outcome<DailyReport>.Refuse($"unknown venue '{venue}' for client {clientId}");

        var orders = store.LiveOrdersBetween(clientId, from, to).Where(o => o.CountsAgainstLimits).ToList();
        // The period's own fills, and what its sells realised as kept when each was recorded: no replay of history.
        var book = new Book(orders, store.LiveFillsBetween(clientId, from, to), store.RealisedBetween(clientId, from, to, VenueScope.AllVenues));
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();

        var shown = venue is not null
            ? [venue]
            : known.Where(v => !VenueScope.IsReal(v) || store.FindVenue(clientId, v) is not null || book.Touches(v))
                .OrderBy(v => VenueScope.IsReal(v)).ThenBy(v => v, StringComparer.Ordinal).ToList();
        var strategies = store.ListStrategies(clientId);
        var scopes = shown.Select(VenueScope.LimitsOf).Distinct().Select(scope =>
        {
            var scopeDays = DaysOf(book.On(scope.Includes), days);
            return new ScopeLimits(scope, known.Where(v => scope.Includes(v)).Order(StringComparer.Ordinal).ToList(),
                strategies.Select(s => new StrategyLimits(s, LimitsOf(s.Settings, scopeDays, scope))).ToList());
        }).ToList();
        var venues = shown.Select(name =>
        {
            var own = book.On(v => v == name);
            return new VenueActivity(name, DaysOf(own, days), SymbolsOf(name, own), scopes.Single(s => s.Scope == VenueScope.LimitsOf(name)));
        }).ToList();

        var executions = store.ExecutionsBetween(clientId, from, to).Where(e => venue is null || e.Venue == venue).ToList();
        return new DailyReport(clientId, from, to, venue, Sum(venues, days), venues, scopes,
            strategies.Select((s, i) => new StrategyLimits(s, Closest(scopes.Select(scope => scope.Strategies[i].Limits)))).ToList(),
            store.ValidationsBetween(clientId, from, to, venue), Tally(executions), Blocked(executions), TradingStateQuery.Read(store, clientId));
    }

    /// <summary>LIVE orders (counted against the limits) and fills of the period, and what the period's sells realised (by position and day).</summary>
    private sealed record Book(IReadOnlyList<OrderRecord> Orders, IReadOnlyList<FillRecord> Fills, IReadOnlyList<RealisedDay> Sales)
    {
        public Book On(Func<string, bool> venue) =>
            new(Orders.Where(o => venue(o.Venue)).ToList(), Fills.Where(f => venue(f.Venue)).ToList(), Sales.Where(s => venue(s.Venue)).ToList());

        public bool Touches(string venue) => Orders.Any(o => o.Venue == venue) || Fills.Any(f => f.Venue == venue);
    }

    private static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    private static List<DayActivity> DaysOf(Book book, IReadOnlyList<DateOnly> days) => days.Select(day =>
    {
        var dayOrders = book.Orders.Where(o => DayOf(o.CreatedAt) == day).ToList();
        var dayFills = book.Fills.Where(f => DayOf(f.FilledAt) == day).ToList();
        return new DayActivity(day, dayOrders.Count, dayOrders.Sum(o => o.CountedNotional), dayFills.Count,
            dayFills.Sum(f => f.FeeInQuote), book.Sales.Where(s => s.Day == day).Sum(s => s.Pnl));
    }).ToList();

    private static List<DayActivity> Sum(IReadOnlyList<VenueActivity> venues, IReadOnlyList<DateOnly> days) => days.Select((day, i) =>
        new DayActivity(day, venues.Sum(v => v.Days[i].Orders), venues.Sum(v => v.Days[i].Notional), venues.Sum(v => v.Days[i].Fills),
            venues.Sum(v => v.Days[i].Fees), venues.Sum(v => v.Days[i].RealisedPnl))).ToList();

    private static List<SymbolActivity> SymbolsOf(string venue, Book book) => book.Orders.Select(o => o.Symbol).Concat(book.Fills.Select(f => f.Symbol))
        .Distinct()
        .OrderBy(s => s.Value, StringComparer.Ordinal)
        .Select(symbol =>
        {
            var symbolOrders = book.Orders.Where(o => o.Symbol == symbol).ToList();
            var symbolFills = book.Fills.Where(f => f.Symbol == symbol).ToList();
            var symbolSales = book.Sales.Where(s => s.Symbol == symbol).ToList();
            return new SymbolActivity(venue, symbol, symbolOrders.Count, symbolOrders.Sum(o => o.CountedNotional), symbolFills.Count,
                symbolFills.Where(f => f.Side == OrderSide.Buy).Sum(f => f.Quantity),
                symbolFills.Where(f => f.Side == OrderSide.Sell).Sum(f => f.Quantity),
                symbolFills.Sum(f => f.FeeInQuote), symbolSales.Sum(s => s.Pnl), symbolSales.Count > 0);
        }).ToList();

    /// <summary>Each limit against the period's busiest day for it (the latest such day on a tie).</summary>
    private static List<LimitUsage> LimitsOf(StrategySettings settings, IReadOnlyList<DayActivity> days, VenueScope scope) =>
    [
        Peak(LimitUsage.OrdersLimit, days, d => d.Orders, settings.MaxOrdersPerDay, scope),
        Peak(LimitUsage.NotionalLimit, days, d => d.Notional, settings.MaxNotionalPerDay, scope),
        Peak(LimitUsage.LossLimit, days, d => d.RealisedLoss, settings.MaxLossPerDay, scope),
    ];

    private static LimitUsage Peak(string limit, IReadOnlyList<DayActivity> days, Func<DayActivity, decimal> used, decimal? max, VenueScope scope)
    {
        var busiest = days.Aggregate((best, day) => used(day) >= used(best) ? day : best);
        return new LimitUsage(limit, used(busiest), max, busiest.Day, scope);
    }

    /// <summary>Each limit on the scope that used the most of it (the real venues on a tie: they are listed last).</summary>
    private static List<LimitUsage> Closest(IEnumerable<IReadOnlyList<LimitUsage>> byScope) =>
        byScope.Aggregate((best, next) => best.Zip(next, (b, n) => n.Used >= b.Used ? n : b).ToList()).ToList();

    private static List<ExecutionTally> Tally(IReadOnlyList<ExecutionResult> executions) =>
        [.. new[] { ExecutionMode.Live, ExecutionMode.DryRun }.Select(mode =>
        {
            var ofMode = executions.Where(e => e.Mode == mode).ToList();
            return new ExecutionTally(mode, ofMode.Count(e => e.Status == ExecutionStatus.Success),
                ofMode.Count(e => e.Status is ExecutionStatus.Failed or ExecutionStatus.NotFilled or ExecutionStatus.Unprotected),
                ofMode.Count(e => e.Status == ExecutionStatus.Blocked));
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
