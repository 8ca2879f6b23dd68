using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Core.Execution;

/// <summary>
/// Records what a venue said about an order: its status, what traded, and each fill (once: fills carry the
/// venue's trade id, so recording the same answer twice, from the sender and from reconcile, adds nothing).
/// One place, used by LIVE execution and by reconcile.
/// </summary>
public static class OrderOutcomes
{

    /// <summary>Each fill's fee valued in the quote asset. May ask the venue for a price: call it before taking the lock.</summary>
    public static IReadOnlyList<decimal> FeesInQuote(IVenue venue, OrderRecord order, VenueOrderResult answer) =>
        answer.Fills.Select(fill => FeeInQuote(venue, order, fill)).ToList();

    public static OrderRecord Record(IRobsonStore store, IVenue venue, OrderRecord order, VenueOrderResult answer, IReadOnlyList<decimal> feesInQuote,
        string? planHash, AuditActor actor, DateTimeOffset now, string auditKind)
    {
        var updated = order with
        {
            Status = answer.Status,
            VenueOrderId = answer.VenueOrderId ?? order.VenueOrderId,
            ExecutedQuantity = answer.Fills.Count > 0 ? answer.ExecutedQuantity : order.ExecutedQuantity,
            ExecutedNotional = answer.Fills.Count > 0 ? answer.ExecutedNotional : order.ExecutedNotional,
        };
        store.UpdateOrder(updated, now);
        var recorded = 0;
        for (var i = 0; i < answer.Fills.Count; i++)
        {
            var fill = answer.Fills[i];
            if (store.RecordFill(new FillRecord(order.ClientId, order.ClientOrderId, order.Venue, order.Symbol, order.Side, fill.Price, fill.Quantity,
                    fill.Commission, fill.CommissionAsset, feesInQuote[i], now), FillKey(updated, fill, i)))
                recorded++;
        }
        store.Append(new AuditEntry(order.ClientId, auditKind, answer.Status.Wire, order.PlanId, planHash,
            Details.Of(("execution_id", order.ExecutionId), ("client_order_id", order.ClientOrderId), ("venue", venue.Name),
                ("venue_order_id", updated.VenueOrderId), ("executed_qty", updated.ExecutedQuantity), ("fills_recorded", recorded),
                ("reason", answer.Reason)), actor, now));
        return updated;
    }

    /// <summary>
    /// Records the venue's answer to an order Robson sent, unless reconcile settled it meanwhile: a venue-confirmed state
    /// is never overwritten by a weaker answer; an inferred one ("not placed") gives way to what the venue said. Call it
    /// under the store's lock; returns the order as recorded.
    /// </summary>
    public static OrderRecord RecordAnswer(IRobsonStore store, IVenue venue, OrderRecord order, VenueOrderResult answer,
        IReadOnlyList<decimal> feesInQuote, string? planHash, AuditActor actor, DateTimeOffset now)
    {
        var current = store.FindOrder(order.ClientId, order.ClientOrderId) ?? order;
        return current.Status == OrderStatus.Sent || (answer.Status.IsVenueConfirmed && !current.Status.IsVenueConfirmed)
            ? Record(store, venue, current, answer, feesInQuote, planHash, actor, now, AuditKinds.ForAnswer(answer.Status, answer.Fills.Count > 0))
            : current;
    }

    /// <summary>
    /// The key that keeps a fill from being recorded twice: the venue's trade id, or, where the venue gives none, the
    /// venue's order id and the fill's position in the order's fills (stable: the venue lists them in the same order).
    /// </summary>
    public static string FillKey(OrderRecord order, VenueFill fill, int position) =>
        !string.IsNullOrEmpty(fill.TradeId) ? fill.TradeId : $"{order.VenueOrderId ?? order.ClientOrderId}#{position + 1}";

    /// <summary>The fee valued in the quote asset (Binance charges buys in the base asset received).</summary>
    public static decimal FeeInQuote(IVenue venue, OrderRecord order, VenueFill fill)
    {
        var rules = venue.FindSymbol(order.Symbol);
        if (rules is null || fill.CommissionAsset == rules.QuoteAsset || fill.Commission == 0) return fill.Commission;
        if (fill.CommissionAsset == rules.BaseAsset) return fill.Commission * fill.Price;
        // A third asset (e.g. BNB): valued at its market against the quote asset; unpriced, it is counted at the
        // fill's own price rather than as free, so losses are never understated.
        var market = Symbol.Parse(fill.CommissionAsset + rules.QuoteAsset);
        try
        {
            if (market.Success && venue.FindSymbol(market.Value) is not null && venue.GetOrderBook(market.Value).Mid is { } mid)
                return fill.Commission * mid;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // No price now: fall back below rather than fail the recording of a fill.
        }
        return fill.Commission * fill.Price;
    }
}
