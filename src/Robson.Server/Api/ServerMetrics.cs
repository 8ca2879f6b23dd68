using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Robson.Server.Api;

/// <summary>
/// What the server counts, read from the documents its commands answer (the same ones callers get): executions by mode
/// and status, blocks by guard, orders sent by outcome. Exported at /metrics in Prometheus format.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "Robson.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _executions;
    private readonly Counter<long> _blocks;
    private readonly Counter<long> _orders;

    public ServerMetrics()
    {
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

    public void Dispose() => _meter.Dispose();
}
