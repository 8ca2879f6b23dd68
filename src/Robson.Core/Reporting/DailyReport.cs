using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Core.Reporting;

/// <summary>
/// A tenant's activity over whole UTC days, <see cref="From"/> to <see cref="To"/> inclusive (one day by default), on one
/// venue (<see cref="Venue"/>) or on each of its venues: LIVE orders, notional, fills, fees and realised P&amp;L (in total,
/// by day, by venue and symbol), each strategy's daily limits against the busiest day, validations by result, executions
/// by mode and status, blocked attempts by guard. Orders and notional are what counts against the limits (a rejected
/// order does not).
/// <para>
/// Books are per venue (<see cref="Venues"/>). The totals (<see cref="Days"/>, <see cref="Orders"/>...) add up the venues
/// shown, each venue's P&amp;L on its own cost basis; no limit is judged on them. <see cref="LimitScopes"/> judges the limits
/// as execution does: the paper venue alone, and the real venues together. <see cref="Limits"/> is, for one venue, its
/// scope's; for every venue, each limit on the scope that used the most of it.
/// </para>
/// <para><see cref="Trading"/> is the tenant's kill switch now (not as it was on the period's days): a report read after
/// an automatic halt must say trading is halted.</para>
/// </summary>
public sealed record DailyReport(
    ClientId ClientId,
    DateOnly From,
    DateOnly To,
    string? Venue,
    IReadOnlyList<DayActivity> Days,
    IReadOnlyList<VenueActivity> Venues,
    IReadOnlyList<ScopeLimits> LimitScopes,
    IReadOnlyList<StrategyLimits> Limits,
    ValidationTally Validations,
    IReadOnlyList<ExecutionTally> Executions,
    BlockedAttempts Blocked,
    Status.TradingStateView Trading)
{
    public bool SingleDay => From == To;
    public int Orders => Days.Sum(d => d.Orders);
    public decimal Notional => Days.Sum(d => d.Notional);
    public int Fills => Days.Sum(d => d.Fills);
    public decimal Fees => Days.Sum(d => d.Fees);
    public decimal RealisedPnl => Days.Sum(d => d.RealisedPnl);
    public decimal RealisedLoss => RealisedPnl < 0 ? -RealisedPnl : 0m;

    /// <summary>Each venue's symbols, venue by venue.</summary>
    public IReadOnlyList<SymbolActivity> Symbols => Venues.SelectMany(v => v.Symbols).ToList();

    /// <summary>Realised P&amp;L of the positions (venue and symbol) that realised any (sold) in the period.</summary>
    public IReadOnlyDictionary<VenueSymbol, decimal> RealisedPnlBySymbol =>
        Symbols.Where(s => s.Realised).ToDictionary(s => new VenueSymbol(s.Venue, s.Symbol), s => s.RealisedPnl);

    public IReadOnlyList<Strategy> Strategies => Limits.Select(l => l.Strategy).ToList();
}
