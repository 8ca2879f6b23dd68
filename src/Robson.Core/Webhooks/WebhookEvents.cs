using Robson.Core.Audit;

namespace Robson.Core.Webhooks;

/// <summary>
/// The five events a webhook can subscribe to, and the one place that says which audit event becomes which. The audit
/// trail is the source: every event Robson notifies about was first recorded there, by the CLI or by <c>robson serve</c>.
/// </summary>
public static class WebhookEvents
{
    public const string Fill = "fill";
    public const string Blocked = "blocked";
    public const string Halt = "halt";
    public const string Unprotected = "unprotected";
    public const string Unknown = "unknown";

    /// <summary>Every event name, in the order help and refusals list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Fill, Blocked, Halt, Unprotected, Unknown];

    /// <summary>The audit kinds that can become a webhook event (what the dispatcher reads from the trail).</summary>
    public static IReadOnlyList<string> SourceKinds { get; } =
        [AuditKinds.OrderFilled, AuditKinds.PlanExecuted, AuditKinds.TradingHalted, AuditKinds.ProtectionFailed, AuditKinds.OrderUnknown];

    /// <summary>The webhook event an audit event stands for, or null when it notifies nobody.</summary>
    public static string? TypeOf(AuditEntry e) => e.Kind switch
    {
        // The venue's answer to a sent order carried fills (FILLED, PARTIALLY_FILLED, or EXPIRED after a partial fill).
        AuditKinds.OrderFilled => Fill,
        // A LIVE execution that a guard blocked. A blocked DRY-RUN is a rehearsal that touched nothing: notifying it would
        // wake someone for an agent's exploration, so it is not an event.
        AuditKinds.PlanExecuted when e.Result == "BLOCKED" && e.Details.GetValueOrDefault("mode") == "LIVE" => Blocked,
        // The kill switch set to HALTED, by hand or automatically at max_loss_per_day (detail automatic=true).
        AuditKinds.TradingHalted => Halt,
        // A filled entry whose protective order could not be placed: the position is UNPROTECTED on the venue.
        AuditKinds.ProtectionFailed => Unprotected,
        // The venue's answer to an order was lost: its outcome is unknown until `robson reconcile`.
        AuditKinds.OrderUnknown => Unknown,
        _ => null,
    };

    /// <summary>
    /// Parses a comma-separated list of event names (exact, lower case; repeats allowed and dropped) into the canonical
    /// order; null with the reason when a name is unknown or the list is empty.
    /// </summary>
    public static IReadOnlyList<string>? TryParse(string? text, out string? problem)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => !All.Contains(n)).ToList();
        problem = names.Length == 0 ? $"--events needs at least one of {string.Join(", ", All)}"
            : unknown.Count > 0 ? $"unknown webhook event{(unknown.Count > 1 ? "s" : "")} '{string.Join("', '", unknown)}' (use {string.Join(", ", All)})"
            : null;
        return problem is null ? All.Where(names.Contains).ToList() : null;
    }
}
