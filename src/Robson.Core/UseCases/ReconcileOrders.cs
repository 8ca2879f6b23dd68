using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>What reconcile found: orders settled from the venue's records, orders still open, and orphans.</summary>
public sealed record ReconcileReport(
    ClientId ClientId,
    IReadOnlyList<ReconciledOrder> Resolved,
    IReadOnlyList<ReconciledOrder> StillUnresolved,
    IReadOnlyList<VenueOpenOrder> Orphans,
    IReadOnlyList<string> Problems);

public sealed record ReconciledOrder(OrderRecord Order, OrderStatus PreviousStatus, string? Note);

/// <summary>
/// Settles a tenant's orders from the venue's own records: SENT / UNKNOWN / PENDING ones (after a crash,
/// timeout or outage) and those resting on the venue (ACKED, PARTIALLY_FILLED), which may have filled since.
/// Looks each up by client order id, records fills (once, by trade id), and lists open orders on the venue that
/// carry Robson's client-order-id prefix but have no record here. Runs by itself before every LIVE execution.
/// An order the venue does not know is declared not placed only once its request left more than
/// <see cref="InFlightGrace"/> ago (a PENDING one: was reserved that long ago and never sent); until then it
/// stays open and counted. Each update re-reads the order under the lock, so a settled order is never overruled.
/// </summary>
public sealed class ReconcileOrders(RobsonEnvironment env)
{
    public const string ClientOrderIdPrefix = "rbs-";
    /// <summary>
    /// Longer than any request can stay in flight: back-off (≤ 30 s), clock read and request (≤ 60 s timeout each)
    /// and the exchange's recvWindow (≤ 60 s), with room to spare.
    /// </summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromMinutes(5);

    public ReconcileReport Run(ClientId clientId, string? venueName)
    {
        var resolved = new List<ReconciledOrder>();
        var open = new List<ReconciledOrder>();
        var problems = new List<string>();
        var orders = env.Store.UnresolvedOrders(clientId, venueName).Concat(env.Store.RestingOrders(clientId, venueName)).ToList();
        foreach (var order in orders)
        {
            if (env.Venues.Find(clientId, order.Venue) is not { } venue)
            {
                problems.Add($"{order.ClientOrderId}: venue '{order.Venue}' is no longer configured");
                open.Add(new ReconciledOrder(order, order.Status, "venue not configured"));
                continue;
            }
            try
            {
                var answer = venue.LookupOrder(clientId, order.Symbol, order.ClientOrderId);
                if (answer is null)
                {
                    var since = env.Store.OrderSentAt(clientId, order.ClientOrderId) ?? order.CreatedAt;
                    if (!order.IsUnresolved || env.Time.GetUtcNow() - since < InFlightGrace)
                    {
                        open.Add(new ReconciledOrder(order, order.Status, order.IsUnresolved ? "not on the venue yet; may still be in flight" : "the venue has no record of it"));
                        continue;
                    }
                    answer = order.Status == OrderStatus.Pending
                        ? new VenueOrderResult(OrderStatus.NotSent, null, [], "recorded but never sent")
                        : new VenueOrderResult(OrderStatus.Rejected, null, [], $"not placed: the venue has no such order {InFlightGrace.TotalMinutes:0} min after it was sent");
                }
                else if (!order.IsUnresolved && answer.Status == order.Status && answer.ExecutedQuantity == order.ExecutedQuantity)
                    continue; // resting and unchanged

                var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
                var filledAt = FillTime(env.Time.GetUtcNow(), venue.Now());
                using var tx = env.Store.BeginExclusive();
                var current = env.Store.FindOrder(clientId, order.ClientOrderId);
                if (current is null || current.Status != order.Status)
                    continue; // settled by someone else since it was read
                if (answer.Status == OrderStatus.NotSent && !env.Store.ChangeOrderStatus(clientId, order.ClientOrderId, OrderStatus.Pending, OrderStatus.NotSent, env.Time.GetUtcNow()))
                    continue;
                var plan = env.Store.FindPlan(clientId, order.PlanId);
                var updated = OrderOutcomes.Record(env.Store, venue, current, answer, fees, plan?.Hash, env.Actor, filledAt, AuditKinds.OrderReconciled);
                tx.Commit();
                (updated.IsUnresolved ? open : resolved).Add(new ReconciledOrder(updated, order.Status, answer.Reason));
            }
            catch (VenueUnavailableException e)
            {
                problems.Add($"{order.ClientOrderId}: {e.Message}");
                open.Add(new ReconciledOrder(order, order.Status, e.Message));
            }
        }
        return new ReconcileReport(clientId, resolved, open.Where(o => o.Order.IsUnresolved).ToList(), Orphans(clientId, venueName, problems), problems);
    }

    /// <summary>
    /// When a fill found by reconcile is recorded: the local clock while it agrees with the venue's (it orders fills
    /// consistently across processes), the venue's when the local clock is off by more than LIVE tolerates, so a fill is
    /// never counted on the wrong day.
    /// </summary>
    public static DateTimeOffset FillTime(DateTimeOffset local, DateTimeOffset venue) =>
        (venue - local).Duration() <= Guards.VenueClockGuard.MaxSkew ? local : venue;

    private List<VenueOpenOrder> Orphans(ClientId clientId, string? venueName, List<string> problems)
    {
        var names = venueName is not null ? [venueName] : env.Store.ListVenues(clientId).Select(v => v.Name).ToList();
        var orphans = new List<VenueOpenOrder>();
        foreach (var name in names)
        {
            if (env.Venues.Find(clientId, name) is not { } venue) continue;
            try
            {
                orphans.AddRange(venue.OpenOrders(clientId)
                    .Where(o => o.ClientOrderId.StartsWith(ClientOrderIdPrefix, StringComparison.Ordinal) && env.Store.FindOrder(clientId, o.ClientOrderId) is null));
            }
            catch (VenueUnavailableException e)
            {
                problems.Add($"open orders on '{name}': {e.Message}");
            }
        }
        return orphans;
    }
}
