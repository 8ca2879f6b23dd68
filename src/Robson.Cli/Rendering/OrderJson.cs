using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Cli.Rendering;

/// <summary>
/// An order Robson recorded, in every --json document that lists orders (orders list, reconcile, protect, status):
/// an entry, a protective or closing order ("protects": the entry's client order id), resting or of unknown outcome.
/// "stop_price": a protective order's trigger, or an entry's planned stop-loss.
/// </summary>
public sealed record OrderJson(
    string ClientOrderId, string Role, string? Protects, string PlanId, string Venue, string Symbol, string Side, string Type,
    decimal Quantity, decimal ExecutedQuantity, decimal? Price, decimal? StopPrice, string Status, string? VenueOrderId, string CreatedAt)
{
    public static OrderJson From(OrderRecord o) => new(
        o.ClientOrderId, o.Role.Wire, o.Protects, o.PlanId, o.Venue, o.Symbol.Value, o.Side.Wire(), o.Type.Wire(),
        o.Quantity, o.ExecutedQuantity, o.Price, o.StopPrice, o.Status.Wire, o.VenueOrderId, Output.Time(o.CreatedAt));
}

