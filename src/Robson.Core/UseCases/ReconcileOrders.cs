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

public sealed record ReconciledOrder(OrderRecord Order, string PreviousStatus, string? Note);

/// <summary>
/// Settles SENT / UNKNOWN / PENDING orders of a tenant from the venue's own records (lookup by client order id,
/// and the order's trades), records the fills, and lists open orders on the venue that carry Robson's
/// client-order-id prefix but have no record here. Runs by itself before any LIVE execution of the tenant
/// on that venue. An order younger than <see cref="InFlightGrace"/> that the venue does not know yet may
/// still be on its way, so it is left open rather than declared unsent.
/// </summary>
public sealed class ReconcileOrders(RobsonEnvironment env)
{
    public const string ClientOrderIdPrefix = "rbs-";
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromMinutes(2);

    public ReconcileReport Run(ClientId clientId, string? venueName)
    {
        var resolved = new List<ReconciledOrder>();
        var open = new List<ReconciledOrder>();
        var problems = new List<string>();
        var orders = env.Store.UnresolvedOrders(clientId, venueName);
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
                var age = env.Time.GetUtcNow() - order.CreatedAt;
                if (answer is null && age < InFlightGrace)
                {
                    open.Add(new ReconciledOrder(order, order.Status, "not on the venue yet; may still be in flight"));
                    continue;
                }
                answer ??= order.Status == OrderRecord.Pending
                    ? new VenueOrderResult(OrderRecord.NotSent, null, [], "recorded but never sent")
                    : new VenueOrderResult(OrderRecord.Rejected, null, [], "not placed: the venue has no such order");
                var now = env.Time.GetUtcNow();
                using var tx = env.Store.BeginExclusive();
                var plan = env.Store.FindPlan(clientId, order.PlanId);
                var updated = OrderOutcomes.Record(env.Store, venue, order, answer, plan?.Hash, env.Actor, now, AuditKinds.OrderReconciled);
                tx.Commit();
                resolved.Add(new ReconciledOrder(updated, order.Status, answer.Reason));
            }
            catch (VenueUnavailableException e)
            {
                problems.Add($"{order.ClientOrderId}: {e.Message}");
                open.Add(new ReconciledOrder(order, order.Status, e.Message));
            }
        }
        return new ReconcileReport(clientId, resolved, open, Orphans(clientId, venueName, problems), problems);
    }

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
