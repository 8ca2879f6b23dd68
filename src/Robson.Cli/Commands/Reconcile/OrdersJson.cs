using System.Text.Json.Serialization;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.UseCases;
using Robson.Core.UseCases.Protection;
using Robson.Cli.Rendering;

namespace Robson.Cli.Commands.Reconcile;

// The --json contract of `orders list`, `reconcile` and `protect` (snake_case; amounts are JSON numbers written exactly).
// Each order is a Rendering.OrderJson, the same as in `status`.
public sealed record OrderListJson(long ClientId, List<OrderJson> Orders);

public sealed record ReconciledOrderJson(string PreviousStatus, string? Note, OrderJson Order);

/// <summary>An open order on the venue with Robson's client-order-id prefix and no record here.</summary>
public sealed record OrphanJson(string ClientOrderId, string VenueOrderId, string Symbol, string Side, string Type, decimal Quantity,
    decimal ExecutedQuantity, decimal? Price, string Status);

public sealed record ProtectionStepJson(string Action, string Answer, string? Reason, OrderJson Order);

/// <summary>"retry_command": set while the position is unprotected.</summary>
public sealed record ProtectionJson(string State, string Message, string? RetryCommand, OrderJson Entry, List<ProtectionStepJson> Steps)
{
    public static ProtectionJson From(ProtectionReport p) => new(
        p.State.ToString().ToUpperInvariant(), p.Message, p.State == ProtectionState.Unprotected ? p.RetryCommand : null, OrderJson.From(p.Entry),
        p.Steps.Select(s => new ProtectionStepJson(s.Action, s.Answer.Status.Wire, s.Answer.Reason, OrderJson.From(s.Order))).ToList());
}

/// <summary>"settled": every order checked and settled, no orphan, no problem, nothing unprotected (exit 0).</summary>
public sealed record ReconcileJson(
    long ClientId, string? Venue, bool Settled, List<ReconciledOrderJson> Resolved, List<ReconciledOrderJson> Unresolved, List<OrphanJson> Orphans,
    List<ProtectionJson> Protections, List<string> Problems)
{
    public static ReconcileJson From(ReconcileReport r, string? venue, bool settled)
    {
        static ReconciledOrderJson Row(ReconciledOrder o) => new(o.PreviousStatus.Wire, o.Note, OrderJson.From(o.Order));
        return new(r.ClientId.Value, venue, settled, r.Resolved.Select(Row).ToList(), r.StillUnresolved.Select(Row).ToList(),
            r.Orphans.Select(o => new OrphanJson(o.ClientOrderId, o.VenueOrderId, o.Symbol.Value, o.Side.Wire(), o.Type.Wire(), o.Quantity,
                o.ExecutedQuantity, o.Price, o.Status.Wire)).ToList(),
            r.Protections.Select(ProtectionJson.From).ToList(), r.Problems.ToList());
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(OrderListJson))]
[JsonSerializable(typeof(ReconcileJson))]
[JsonSerializable(typeof(ProtectionJson))]
public sealed partial class OrdersJsonContext : JsonSerializerContext;
