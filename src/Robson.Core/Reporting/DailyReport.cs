using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Core.Reporting;

/// <summary>
/// A tenant's activity over whole UTC days, <see cref="From"/> to <see cref="To"/> inclusive (one day by default):
/// LIVE orders, notional, fills, fees and realised P&amp;L (in total, by day and by symbol), each strategy's daily
/// limits against the busiest day, validations by result, executions by mode and status, blocked attempts by guard.
/// Orders and notional are what counts against the limits (a rejected order does not).
/// </summary>
public sealed record DailyReport(
    ClientId ClientId,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayActivity> Days,
    IReadOnlyList<SymbolActivity> Symbols,
    IReadOnlyList<StrategyLimits> Limits,
    ValidationTally Validations,
    IReadOnlyList<ExecutionTally> Executions,
    BlockedAttempts Blocked)
{
    public bool SingleDay => From == To;
    public int Orders => Days.Sum(d => d.Orders);
    public decimal Notional => Days.Sum(d => d.Notional);
    public int Fills => Days.Sum(d => d.Fills);
    public decimal Fees => Days.Sum(d => d.Fees);
    public decimal RealisedPnl => Days.Sum(d => d.RealisedPnl);
    public decimal RealisedLoss => RealisedPnl < 0 ? -RealisedPnl : 0m;

    /// <summary>Realised P&amp;L of the symbols that realised any (sold) in the period.</summary>
    public IReadOnlyDictionary<Symbol, decimal> RealisedPnlBySymbol =>
        Symbols.Where(s => s.Realised).ToDictionary(s => s.Symbol, s => s.RealisedPnl);

    public IReadOnlyList<Strategy> Strategies => Limits.Select(l => l.Strategy).ToList();
}
