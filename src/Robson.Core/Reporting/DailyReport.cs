using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Core.Reporting;

/// <summary>A tenant's LIVE day: orders, notional and realised P&amp;L against each strategy's limits.</summary>
public sealed record DailyReport(
    ClientId ClientId,
    DateOnly Day,
    int Orders,
    decimal Notional,
    decimal RealisedPnl,
    IReadOnlyDictionary<Symbol, decimal> RealisedPnlBySymbol,
    IReadOnlyList<Strategy> Strategies)
{
    public decimal RealisedLoss => RealisedPnl < 0 ? -RealisedPnl : 0m;
}
