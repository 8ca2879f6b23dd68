using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Robson.Server.Api;

/// <summary>
/// What the server counts, read from the documents its commands answer (the same ones callers get): executions by mode
/// and status, blocks by guard, orders sent by outcome. Exported at /metrics in Prometheus format.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    private readonly StoreGate _gate;
    private readonly TimeProvider _time;
    public const string MeterName = "Robson.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _executions;
    private readonly Counter<long> _blocks;
    private readonly Counter<long> _orders;

    public ServerMetrics(StoreGate gate, TimeProvider time)
    {
        _gate = gate;
        _time = time;
        _meter.CreateObservableGauge("robson.limit.usage", LimitUsage, "{ratio}",
            "Today's use of each strategy's daily limits (orders, notional, loss) over the limit, real venues together and paper apart, read from the store at each scrape.");
        _executions = _meter.CreateCounter<long>("robson.executions", "{execution}", "Executions by mode (dry_run, live) and status.");
        _blocks = _meter.CreateCounter<long>("robson.guard.blocks", "{block}", "Guards that failed an execution, by guard.");
        _orders = _meter.CreateCounter<long>("robson.orders", "{order}", "Orders sent to a venue, by outcome (the venue's status, or unknown).");
    }

    public void Observe(ApiRoute route, CommandResult result)
    {
        if (route.Command[0] != "execute" || !result.Output.TrimStart().StartsWith('{')) return;
        try
        {
            using var document = JsonDocument.Parse(result.Output);
            var root = document.RootElement;
            if (!root.TryGetProperty("status", out var status) || !root.TryGetProperty("mode", out var mode)) return;
            _executions.Add(1, new("mode", mode.GetString()), new("status", status.GetString()));
            foreach (var guard in root.GetProperty("guards").EnumerateArray())
                if (!guard.GetProperty("passed").GetBoolean())
                    _blocks.Add(1, new KeyValuePair<string, object?>("guard", guard.GetProperty("name").GetString()));
            foreach (var action in root.GetProperty("actions").EnumerateArray())
                if (action.GetProperty("type").GetString() == Robson.Core.Execution.ExecutionAction.Real)
                    _orders.Add(1, new KeyValuePair<string, object?>("outcome",
                        action.GetProperty("details").TryGetProperty("status", out var outcome) ? outcome.GetString() : "unknown"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Counting never fails a request: a document of another shape is simply not counted.
        }
    }

    /// <summary>
    /// Every strategy's daily limits against the tenant's usage today (UTC on this server's clock), as the limits judge it:
    /// real venues together, paper on its own. Read from the store, so every instance reports the same figures.
    /// </summary>
    private IEnumerable<Measurement<double>> LimitUsage()
    {
        var measurements = new List<Measurement<double>>();
        try
        {
            using var store = _gate.Open();
            var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
            foreach (var tenant in store.StrategiesOfEveryTenant().GroupBy(s => s.ClientId))
                foreach (var scope in new[] { Robson.Core.Domain.VenueScope.RealVenues, Robson.Core.Domain.VenueScope.Paper })
                {
                    var used = Robson.Core.UseCases.DailyUsageQuery.For(store, tenant.Key, scope, today);
                    foreach (var strategy in tenant)
                    {
                        var settings = strategy.Settings;
                        void Add(string limit, decimal value, decimal? max)
                        {
                            if (max is > 0)
                                measurements.Add(new((double)(value / max.Value), new("client_id", tenant.Key.Value), new("strategy_id", strategy.Id),
                                    new("limit", limit), new("venues", scope.Name)));
                        }
                        Add("orders", used.Orders, settings.MaxOrdersPerDay);
                        Add("notional", used.Notional, settings.MaxNotionalPerDay);
                        Add("loss", used.RealisedLoss, settings.MaxLossPerDay);
                    }
                }
        }
        catch (Exception e) when (e is Robson.Storage.Sql.StoreUnavailableException or System.Data.Common.DbException)
        {
            // A scrape while the store is away reports no usage rather than failing: /readyz says why.
        }
        return measurements;
    }

    public void Dispose() => _meter.Dispose();
}
