using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;

namespace Robson.Core.UseCases.Protection;

/// <summary>
/// Keeps a filled BUY entry with a stop-loss protected on its venue: a STOP_LOSS_LIMIT (or an OCO with a take-profit)
/// for the quantity held from it. Protective orders are orders like any other: a deterministic client order id (the
/// entry's, then <c>-p1</c>, <c>-p2</c>...), recorded PENDING and marked SENT before they leave, sent once, audited, and
/// settled by reconcile. The latest protective order decides: one still in flight is never doubled; one resting that
/// covers less than the entry now holds (a later partial fill) is canceled and replaced, once per fill; a failure leaves
/// the position UNPROTECTED, loudly, and is placed again only on request (<c>robson protect</c>).
/// </summary>
public sealed class ProtectEntry(RobsonEnvironment env)
{
    /// <summary>The settings protection follows (stop-limit offset, what to do on failure): those of the entry's plan's strategy.</summary>
    public StrategySettings SettingsFor(OrderRecord entry) =>
        env.Store.FindPlan(entry.ClientId, entry.PlanId)?.StrategyId is { } id && env.Store.FindStrategy(entry.ClientId, id) is { } strategy
            ? strategy.Settings
            : new StrategySettings();

    /// <param name="retry">True for <c>robson protect</c>: place again after a failed, canceled or expired protective order.</param>
    public ProtectionReport Ensure(IVenue venue, OrderRecord entry, StrategySettings settings, bool retry = false)
    {
        var store = env.Store;
        entry = store.FindOrder(entry.ClientId, entry.ClientOrderId) ?? entry;
        if (entry.Role != OrderRole.Entry || entry.Side != OrderSide.Buy || entry.StopPrice is null)
            return Report(entry, ProtectionState.NotNeeded, "the order has no stop-loss to place");
        if (entry.ExecutedQuantity <= 0)
            return Report(entry, ProtectionState.NotNeeded, "nothing bought yet: protected once it fills");

        var protections = store.ProtectionsOf(entry.ClientId, entry.ClientOrderId);
        if (protections.LastOrDefault(p => p.Role == OrderRole.Close) is { } close)
            return Report(entry, close.IsUnresolved ? ProtectionState.InFlight : ProtectionState.NotNeeded,
                $"the position was sold by closing order {close.ClientOrderId} ({close.Status})");
        var latest = protections.LastOrDefault(p => p.Role.IsProtective);
        var steps = new List<ProtectionStep>();
        if (latest is null)
            return Place(venue, entry, protections, settings, steps, baseAsset => NetBought(entry, baseAsset));
        if (latest.IsUnresolved)
            return Report(entry, ProtectionState.InFlight, $"protective order {latest.ClientOrderId} is {latest.Status}: `robson reconcile` settles it");
        if (latest.Status == OrderStatus.Filled)
            return Report(entry, ProtectionState.NotNeeded, $"the position was sold by protective order {latest.ClientOrderId}");
        if (latest.Status.MayRest)
        {
            var open = latest.Quantity - latest.ExecutedQuantity;
            // Fills recorded after the protective order was placed: the entry bought more since (a resting limit filling
            // in parts). Once per fill, the old protective order is canceled and one covering both is placed.
            var later = store.FillsOfOrder(entry.ClientId, entry.ClientOrderId).Where(f => f.FilledAt > latest.CreatedAt).ToList();
            if (later.Count == 0)
                return Report(entry, ProtectionState.Protected, $"protective order {latest.ClientOrderId} covers {Decimals.Canonical(open)} {entry.Symbol}");
            var canceled = Cancel(venue, latest);
            steps.Add(new ProtectionStep("canceled to be replaced for a later fill", latest, canceled));
            if (canceled.Status != OrderStatus.Canceled)
                return Report(entry, ProtectionState.Unprotected,
                    $"could not replace protective order {latest.ClientOrderId} for the later fill: the cancel answered {canceled.Status} {canceled.Reason}", steps);
            var stillOpen = latest.Quantity - canceled.ExecutedQuantity;
            var after = store.ProtectionsOf(entry.ClientId, entry.ClientOrderId);
            // What the old order covered plus what the entry bought since; the old quantity was rounded down to the step,
            // so up to one step more is allowed, never more than the entry bought less what protective orders sold.
            return Place(venue, entry, after, settings, steps, baseAsset => Math.Min(
                NetBought(entry, baseAsset) - after.Sum(p => p.ExecutedQuantity),
                stillOpen + ProtectionTerms.NetBought(later, baseAsset) + (venue.FindSymbol(entry.Symbol)?.StepSize ?? 0m)));
        }
        if (!retry)
            return latest.Status == OrderStatus.Canceled
                ? Report(entry, ProtectionState.NotNeeded, $"protective order {latest.ClientOrderId} was canceled")
                : Report(entry, ProtectionState.Unprotected, $"protective order {latest.ClientOrderId} ended {latest.Status}");
        // Placed again on request: what the entry bought less what protective orders sold, and never more than the
        // account holds now (a sell may have reduced the position since).
        return Place(venue, entry, protections, settings, steps, baseAsset =>
        {
            var held = NetBought(entry, baseAsset) - protections.Sum(p => p.ExecutedQuantity);
            var free = venue.GetBalances(entry.ClientId)?.GetValueOrDefault(baseAsset);
            return free is { } f ? Math.Min(held, f) : held;
        });
    }

    /// <summary>
    /// After a sell plan canceled protective orders covering more than it sold: what remains of the position is protected
    /// again, for exactly that quantity, with the entry's stop (and take-profit).
    /// </summary>
    public ProtectionReport Reduce(IVenue venue, OrderRecord entry, decimal remaining, StrategySettings settings)
    {
        entry = env.Store.FindOrder(entry.ClientId, entry.ClientOrderId) ?? entry;
        return Place(venue, entry, env.Store.ProtectionsOf(entry.ClientId, entry.ClientOrderId), settings, [], _ => remaining);
    }

    private decimal NetBought(OrderRecord entry, string baseAsset) =>
        ProtectionTerms.NetBought(env.Store.FillsOfOrder(entry.ClientId, entry.ClientOrderId), baseAsset);

    private ProtectionReport Place(IVenue venue, OrderRecord entry, IReadOnlyList<OrderRecord> protections, StrategySettings settings,
        List<ProtectionStep> steps, Func<string, decimal> held)
    {
        Market.SymbolRules? rules;
        decimal quantity;
        try
        {
            rules = venue.FindSymbol(entry.Symbol);
            quantity = rules is null ? 0m : held(rules.BaseAsset);
        }
        catch (VenueUnavailableException e)
        {
            return Failed(venue, entry, settings, steps, $"venue '{venue.Name}' unavailable: {e.Message}", held: null);
        }
        if (rules is null)
            return Failed(venue, entry, settings, steps, $"{entry.Symbol} is not listed on '{venue.Name}'", held: null);
        var terms = ProtectionTerms.For(entry, quantity, rules, settings.StopLimitOffsetPercent);
        if (!terms.Success)
            return terms.Error.StartsWith(ProtectionTerms.NothingLeft, StringComparison.Ordinal)
                ? Report(entry, ProtectionState.NotNeeded, terms.Error, steps)
                : Failed(venue, entry, settings, steps, terms.Error, held: quantity);


        var t = terms.Value;
        var order = new OrderRecord($"{entry.ClientOrderId}-p{protections.Count + 1}", entry.ClientId, entry.ExecutionId, entry.PlanId, entry.LegIndex,
            venue.Name, entry.Symbol, OrderSide.Sell, t.TakeProfitPrice is null ? OrderType.StopLossLimit : OrderType.Oco, t.Quantity, t.StopLimitPrice,
            OrderStatus.Pending, 0m, 0m, 0m, null, env.Time.GetUtcNow())
        {
            Role = t.TakeProfitPrice is null ? OrderRole.ProtectiveStop : OrderRole.ProtectiveOco,
            Protects = entry.ClientOrderId,
            StopPrice = t.StopPrice,
            TakeProfitPrice = t.TakeProfitPrice,
        };
        if (new PositionOrders(env).Place(venue, order, t.Describe(entry.Symbol), sentAt => venue.PlaceProtection(new ProtectionRequest(
                entry.ClientId, order.ClientOrderId, entry.Symbol, t.Quantity, t.StopPrice, t.StopLimitPrice, t.TakeProfitPrice, sentAt))) is not { } sent)
            return Report(entry, ProtectionState.InFlight, $"protective order {order.ClientOrderId} is already recorded: `robson reconcile` settles it", steps);
        var (recorded, answer) = sent;
        steps.Add(new ProtectionStep("placed", recorded, answer));
        var status = answer.Status;
        if (status == OrderStatus.Acked || status == OrderStatus.PartiallyFilled)
            return Report(entry, ProtectionState.Protected, $"protective order {order.ClientOrderId}: {t.Describe(entry.Symbol)}", steps);
        if (status == OrderStatus.Filled)
            return Report(entry, ProtectionState.NotNeeded, $"protective order {order.ClientOrderId} filled at once", steps);
        if (status == OrderStatus.Unknown)
        {
            Audit(entry, AuditKinds.ProtectionFailed, venue, $"outcome unknown: {answer.Reason}");
            return Report(entry, ProtectionState.Unprotected, $"protective order {order.ClientOrderId}: outcome unknown ({answer.Reason}); run `robson reconcile`", steps);
        }
        return Failed(venue, entry, settings, steps, $"protective order {order.ClientOrderId} {status}: {answer.Reason}", held: t.Quantity);
    }

    private VenueOrderResult Cancel(IVenue venue, OrderRecord order)
    {
        VenueOrderResult answer;
        try
        {
            answer = venue.CancelOrder(order.ClientId, order.Symbol, order.ClientOrderId, order.Role.IsList);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message);
        }
        if (answer.Status == OrderStatus.Canceled || answer.Status == OrderStatus.Filled || answer.Status == OrderStatus.PartiallyFilled)
        {
            var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
            using var tx = env.Store.BeginExclusive(order.ClientId);
            if (env.Store.FindOrder(order.ClientId, order.ClientOrderId) is { } current)
                OrderOutcomes.Record(env.Store, venue, current, answer, fees, PlanHash(order), env.Actor, env.Time.GetUtcNow(), AuditKinds.OrderCanceled);
            tx.Commit();
        }
        return answer;
    }

    /// <summary>The protection failed: audited, and with <c>--on-protection-failure close</c> the position is sold at market.</summary>
    private ProtectionReport Failed(IVenue venue, OrderRecord entry, StrategySettings settings, List<ProtectionStep> steps, string reason, decimal? held)
    {
        Audit(entry, AuditKinds.ProtectionFailed, venue, reason);
        if (settings.OnProtectionFailure != ProtectionFailureAction.Close)
            return Report(entry, ProtectionState.Unprotected, reason, steps);
        var quantity = held ?? 0m;
        if (quantity <= 0)
            return Report(entry, ProtectionState.Unprotected, reason, steps);
        var close = new ClosePosition(env).Sell(venue, entry, quantity, settings);
        steps.Add(new ProtectionStep("closed at market", close.Order, close.Answer));
        return Report(entry, ProtectionState.Unprotected, $"{reason}; closing order {close.Order.ClientOrderId}: {close.Answer.Status}" +
            (close.Answer.Reason is { } r ? $" ({r})" : ""), steps);
    }

    private void Audit(OrderRecord entry, string kind, IVenue venue, string reason)
    {
        using var tx = env.Store.BeginExclusive(entry.ClientId);
        env.Store.Append(new AuditEntry(entry.ClientId, kind, "UNPROTECTED", entry.PlanId, PlanHash(entry),
            Details.Of(("client_order_id", entry.ClientOrderId), ("venue", venue.Name), ("symbol", entry.Symbol),
                ("executed_qty", entry.ExecutedQuantity), ("reason", reason)), env.Actor, env.Time.GetUtcNow()));
        tx.Commit();
    }

    private string? PlanHash(OrderRecord order) => env.Store.FindPlan(order.ClientId, order.PlanId)?.Hash;

    private static ProtectionReport Report(OrderRecord entry, ProtectionState state, string message, IReadOnlyList<ProtectionStep>? steps = null) =>
        new(entry, state, message, steps ?? []);
}
