using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>
/// Today's figures from recorded LIVE orders and fills, as the daily limits of one venue judge them: the paper venue
/// counts its own activity only; a real venue counts the tenant's activity on every real venue together (each venue's
/// P&amp;L on its own cost basis, then added). No figure is a placeholder.
/// </summary>
public static class DailyUsageQuery
{
    /// <summary>The usage the limits of an order on <paramref name="venue"/> are judged against.</summary>
    public static DailyUsage For(IExecutionStore store, ClientId clientId, string venue, DateOnly day) =>
        For(store, clientId, VenueScope.LimitsOf(venue), day);

    public static DailyUsage For(IExecutionStore store, ClientId clientId, VenueScope scope, DateOnly day)
    {
        var orders = store.LiveOrdersOn(clientId, day, scope).Where(o => o.CountsAgainstLimits).ToList();
        // Kept as each fill was recorded: reading the day's figures costs the same after years of history.
        var pnl = store.RealisedBetween(clientId, day, day, scope).Sum(r => r.Pnl);
        return new DailyUsage(orders.Count, orders.Sum(o => o.CountedNotional), pnl);
    }
}
