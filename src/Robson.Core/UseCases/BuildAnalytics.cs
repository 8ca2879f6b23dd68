using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Core.UseCases;

/// <summary>
/// Reads (never writes) the series behind the dashboard's charts. P&amp;L, fees and notional are the daily report's own
/// figures (<see cref="BuildDailyReport"/>: what the limits are checked against); the rest comes from the stored
/// executions, validations and orders of the period.
/// </summary>
public sealed class BuildAnalytics(RobsonEnvironment env)
{
    public const int DefaultDays = 30;

    public Outcome<Analytics> Execute(ClientId clientId, DateOnly from, DateOnly to, string? venue)
    {
        var report = new BuildDailyReport(env).Execute(clientId, from, to, venue);
        if (report.IsError) return Outcome<Analytics>.Refuse(report.InputError!);
        var store = env.Store;
        var venues = report.Value!.Venues;
        venue = report.Value.Venue; // as the report resolved it (PAPER is paper)

        var pnl = venues.SelectMany(v => v.Days.Where(d => d.Fills > 0 || d.RealisedPnl != 0 || d.Fees != 0)
                .Select(d => new PnlDay(d.Day, v.Venue, d.RealisedPnl, d.Fees)))
            .OrderBy(r => r.Day).ThenBy(r => r.Venue, StringComparer.Ordinal).ToList();
        var notional = venues.SelectMany(v => v.Days.Where(d => d.Orders > 0 || d.Notional != 0)
                .Select(d => new NotionalDay(d.Day, v.Venue, d.Notional, TightestNotionalLimit(v))))
            .OrderBy(r => r.Day).ThenBy(r => r.Venue, StringComparer.Ordinal).ToList();

        var live = store.ExecutionsBetween(clientId, from, to).Where(e => e.Mode == ExecutionMode.Live && (venue is null || e.Venue == venue)).ToList();
        var blocks = live.Where(e => e.Status == ExecutionStatus.Blocked)
            .SelectMany(e => e.Guards.Where(g => !g.Passed).Select(g => (Day: DayOf(e.ExecutedAt), Guard: g.Name)))
            .GroupBy(b => b)
            .Select(g => new GuardBlocksDay(g.Key.Day, g.Key.Guard, g.Count()))
            .OrderBy(r => r.Day).ThenBy(r => r.Guard, StringComparer.Ordinal).ToList();

        var validations = store.ValidationsByDay(clientId, from, to, venue)
            .Select(d => new ValidationDay(d.Day, d.Tally.Passed, d.Tally.Warned, d.Tally.Failed)).ToList();

        var orders = store.LiveOrdersBetween(clientId, from, to).ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        var slippage = live.SelectMany(e => e.Actions.Where(a => a.Type == ExecutionAction.Real).Select(a => Slip(e, a, orders)))
            .OfType<Slippage>().ToList();

        return new Analytics(clientId, from, to, venue, pnl, notional, blocks, validations, slippage);
    }

    private static decimal? TightestNotionalLimit(VenueActivity venue) =>
        venue.Limits.Strategies.Select(s => s.Strategy.Settings.MaxNotionalPerDay).OfType<decimal>().Select(m => (decimal?)m).DefaultIfEmpty(null).Min();

    /// <summary>An entry order that traded, with the mid recorded as it left (orders sent before Robson kept it have none).</summary>
    private static Slippage? Slip(ExecutionResult execution, ExecutionAction action, IReadOnlyDictionary<string, OrderRecord> orders)
    {
        if (!action.Details.TryGetValue("client_order_id", out var id) || !orders.TryGetValue(id, out var order) || order.Role != OrderRole.Entry) return null;
        if (!Decimal(action.Details, "mid", out var mid) || mid <= 0 || !Decimal(action.Details, "average_price", out var average) || average <= 0) return null;
        return new Slippage(execution.ExecutedAt, order.Venue, order.Symbol, order.Side, id, average, mid, Slippage.Bps(order.Side, average, mid));
    }

    private static bool Decimal(IReadOnlyDictionary<string, string> details, string key, out decimal value)
    {
        value = 0;
        return details.TryGetValue(key, out var text) &&
               decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);
}
