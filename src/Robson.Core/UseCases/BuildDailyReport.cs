using Robson.Core.Domain;
using Robson.Core.Reporting;

namespace Robson.Core.UseCases;

/// <summary>Reads (never writes) the figures the limits are checked against.</summary>
public sealed class BuildDailyReport(RobsonEnvironment env)
{
    public DailyReport Execute(ClientId clientId, DateOnly? day)
    {
        var date = day ?? DateOnly.FromDateTime(env.Time.GetUtcNow().UtcDateTime);
        var usage = DailyUsageQuery.For(env.Store, clientId, date);
        var bySymbol = RealisedPnl.ForDay(env.Store.LiveFillsThrough(clientId, date), date);
        return new DailyReport(clientId, date, usage.Orders, usage.Notional, usage.RealisedPnl, bySymbol, env.Store.ListStrategies(clientId));
    }
}
