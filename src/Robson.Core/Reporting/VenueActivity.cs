using Robson.Core.Domain;

namespace Robson.Core.Reporting;

/// <summary>
/// One venue's book over the period: its LIVE activity by day and by symbol (P&amp;L on its own cost basis), and the
/// daily limits as judged for an order on it (<see cref="Limits"/>: the paper venue counts itself only, a real venue
/// counts every real venue of the tenant together).
/// </summary>
public sealed record VenueActivity(string Venue, IReadOnlyList<DayActivity> Days, IReadOnlyList<SymbolActivity> Symbols, ScopeLimits Limits)
{
    public bool Real => VenueScope.IsReal(Venue);
    public int Orders => Days.Sum(d => d.Orders);
    public decimal Notional => Days.Sum(d => d.Notional);
    public int Fills => Days.Sum(d => d.Fills);
    public decimal Fees => Days.Sum(d => d.Fees);
    public decimal RealisedPnl => Days.Sum(d => d.RealisedPnl);
    public decimal RealisedLoss => RealisedPnl < 0 ? -RealisedPnl : 0m;
}
