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
    IReadOnlyList<string> Problems)
{
    /// <summary>Filled entries reconcile protected (or tried to): placed, replaced for a larger fill, or still unprotected.</summary>
    public IReadOnlyList<Protection.ProtectionReport> Protections { get; init; } = [];

    /// <summary>Filled entries left without a protective order on the venue.</summary>
    public IReadOnlyList<Protection.ProtectionReport> Unprotected => Protections.Where(p => p.State == Protection.ProtectionState.Unprotected).ToList();
}

public sealed record ReconciledOrder(OrderRecord Order, OrderStatus PreviousStatus, string? Note);

/// <summary>
/// Settles a tenant's orders from the venue's own records: SENT / UNKNOWN / PENDING ones (after a crash,
/// timeout or outage) and those resting on the venue (ACKED, PARTIALLY_FILLED), which may have filled since.
/// Looks each up by client order id, records fills (once, by trade id), and lists open orders on the venue that
/// carry Robson's client-order-id prefix but have no record here (or a record saying they cannot be there). Runs by
/// itself before every LIVE execution. An order the venue does not know is NOT_PLACED once the venue's deadline for it
/// has passed (see <see cref="NotOnTheVenue"/>); until then it stays open and counted. Each update re-reads the order under the lock, so a settled order is never overruled.
/// </summary>
public sealed class ReconcileOrders(RobsonEnvironment env)
{
    public const string ClientOrderIdPrefix = "rbs-";
    /// <summary>How long a PENDING order (reserved, never marked SENT) may still be sent by the process that reserved it.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What an order the venue does not know has become, or null while it may still be placed. A SENT or UNKNOWN order is
    /// NOT_PLACED once the venue's deadline for it has passed (sent_at + its order window + the clock uncertainty: the
    /// matching engine checks the window again, so it never will be); a PENDING one was reserved and never sent, and is
    /// settled only after <see cref="InFlightGrace"/> (the process that reserved it may be about to send it).
    /// </summary>
    private VenueOrderResult? NotOnTheVenue(IVenue venue, OrderRecord order)
    {
        if (!order.IsUnresolved) return null;
        var now = env.Time.GetUtcNow();
        if (order.Status == OrderStatus.Pending)
            return now - order.CreatedAt < InFlightGrace ? null : new VenueOrderResult(OrderStatus.NotSent, null, [], "recorded but never sent");
        var sentAt = env.Store.OrderSentAt(order.ClientId, order.ClientOrderId);
        var deadline = sentAt is { } sent ? venue.NotPlacedAfter(sent) : order.CreatedAt + InFlightGrace;
        return now <= deadline
            ? null
            : new VenueOrderResult(OrderStatus.NotPlaced, null, [],
                $"not placed: the venue has no such order, and its deadline ({deadline:HH:mm:ss.fff} UTC) has passed");
    }

    public ReconcileReport Run(ClientId clientId, string? venueName)
    {
        var resolved = new List<ReconciledOrder>();
        var open = new List<ReconciledOrder>();
        var problems = new List<string>();
        var orders = env.Store.UnresolvedOrders(clientId, venueName).Concat(env.Store.RestingOrders(clientId, venueName)).ToList();
        var touchedEntries = new List<OrderRecord>();
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
                var answer = venue.LookupOrder(clientId, order.Symbol, order.ClientOrderId, order.Role.IsList);
                if (answer is null)
                {
                    if (NotOnTheVenue(venue, order) is not { } settled)
                    {
                        open.Add(new ReconciledOrder(order, order.Status, order.IsUnresolved ? "not on the venue yet; may still be in flight" : "the venue has no record of it"));
                        continue;
                    }
                    answer = settled;
                }
                else if (!order.IsUnresolved && answer.Status == order.Status && answer.ExecutedQuantity == order.ExecutedQuantity)
                    continue; // resting and unchanged

                var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
                var filledAt = FillTime(env.Time.GetUtcNow(), venue.Now());
                using var tx = env.Store.BeginExclusive(order.ClientId);
                var current = env.Store.FindOrder(clientId, order.ClientOrderId);
                if (current is null || current.Status != order.Status)
                    continue; // settled by someone else since it was read
                if (answer.Status == OrderStatus.NotSent && !env.Store.ChangeOrderStatus(clientId, order.ClientOrderId, OrderStatus.Pending, OrderStatus.NotSent, env.Time.GetUtcNow()))
                    continue;
                var plan = env.Store.FindPlan(clientId, order.PlanId);
                var updated = OrderOutcomes.Record(env.Store, venue, current, answer, fees, plan?.Hash, env.Actor, filledAt, AuditKinds.OrderReconciled);
                tx.Commit();
                (updated.IsUnresolved ? open : resolved).Add(new ReconciledOrder(updated, order.Status, answer.Reason));
                if (updated.ExecutedQuantity > 0) touchedEntries.Add(updated);
            }
            catch (VenueUnavailableException e)
            {
                problems.Add($"{order.ClientOrderId}: {e.Message}");
                open.Add(new ReconciledOrder(order, order.Status, e.Message));
            }
        }
        var protections = Protect(clientId, venueName, touchedEntries, problems);
        return new ReconcileReport(clientId, resolved, open.Where(o => o.Order.IsUnresolved).ToList(), Orphans(clientId, venueName, problems), problems)
        {
            Protections = protections,
        };
    }

    /// <summary>
    /// Filled BUY entries with a stop-loss get their protective order: those that filled (more) since last seen, and those
    /// that have none at all (a crash between the fill and the protection). The latest protective order decides, so an
    /// entry is never protected twice.
    /// </summary>
    private List<Protection.ProtectionReport> Protect(ClientId clientId, string? venueName, List<OrderRecord> touched, List<string> problems)
    {
        var reports = new List<Protection.ProtectionReport>();
        var entries = touched.Where(o => o.Role == OrderRole.Entry && o.Side == OrderSide.Buy && o.StopPrice is not null)
            .Concat(env.Store.EntriesWithoutProtection(clientId, venueName))
            .DistinctBy(o => o.ClientOrderId).ToList();
        var protect = new Protection.ProtectEntry(env);
        foreach (var entry in entries)
        {
            if (env.Venues.Find(clientId, entry.Venue) is not { } venue) continue;
            try
            {
                var report = protect.Ensure(venue, entry, protect.SettingsFor(entry));
                if (report.Steps.Count > 0 || report.State == Protection.ProtectionState.Unprotected)
                    reports.Add(report);
            }
            catch (VenueUnavailableException e)
            {
                problems.Add($"protection of {entry.ClientOrderId}: {e.Message}");
            }
        }
        return reports;
    }

    /// <summary>
    /// When a fill found by reconcile is recorded: the local clock while it agrees with the venue's (it orders fills
    /// consistently across processes), the venue's when the local clock is off by more than LIVE tolerates, so a fill is
    /// never counted on the wrong day.
    /// </summary>
    public static DateTimeOffset FillTime(DateTimeOffset local, DateTimeOffset venue) =>
        (venue - local).Duration() <= Guards.VenueClockGuard.MaxSkew ? local : venue;

    /// <summary>
    /// An open order on the venue that Robson has no record of, or whose record says it cannot be there (never sent,
    /// not placed, rejected): either way someone must look. An OCO leg is judged by its list's record.
    /// </summary>
    private bool Contradicts(ClientId clientId, VenueOpenOrder open)
    {
        var id = open.ListClientOrderId ?? ProtectionRequest.ListIdOf(open.ClientOrderId) ?? open.ClientOrderId;
        var record = env.Store.FindOrder(clientId, id) ?? env.Store.FindOrder(clientId, open.ClientOrderId);
        return record is null || record.Status == OrderStatus.NotPlaced || record.Status == OrderStatus.NotSent || record.Status == OrderStatus.Rejected;
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
                    .Where(o => o.ClientOrderId.StartsWith(ClientOrderIdPrefix, StringComparison.Ordinal) && Contradicts(clientId, o)));
            }
            catch (VenueUnavailableException e)
            {
                problems.Add($"open orders on '{name}': {e.Message}");
            }
        }
        return orphans;
    }
}
