using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Ports;
using Robson.Core.Reporting;

namespace Robson.Core.UseCases;

/// <summary>Today's figures from recorded LIVE orders and fills. No figure is a placeholder.</summary>
public static class DailyUsageQuery
{
    public static DailyUsage For(IExecutionStore store, ClientId clientId, DateOnly day)
    {
        var orders = store.LiveOrdersOn(clientId, day).Where(o => o.CountsAgainstLimits).ToList();
        var pnl = RealisedPnl.TotalForDay(store.LiveFillsThrough(clientId, day), day);
        return new DailyUsage(orders.Count, orders.Sum(o => o.CountedNotional), pnl);
    }
}
