using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using Robson.Core.UseCases.Protection;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>
/// One leg at LIVE: its order (null for a cancel), the venue's answer, the cap a market order was sent with, and for a
/// BUY with a stop-loss that bought something, what was done to protect it.
/// </summary>
internal sealed record LegOutcome(int LegIndex, OrderRecord? Order, VenueOrderResult Answer, decimal? PriceCap)
{
    /// <summary>The mid read as the order left (the collar's reference): what its fill price is compared with (slippage).</summary>
    public decimal? MidAtSend { get; init; }

    public Protection.ProtectionReport? Protection { get; init; }
}

/// <summary>
/// Step 4, LIVE: each leg in order. Before an order leaves, (a) the market-dependent rules run again on market data
/// no older than the strategy's send-time age, and a market order gets its price cap from the mid read then; (b) the
/// transaction that marks it SENT reads the kill switch and today's loss again. A failure stops this leg and every
/// later one (NOT_SENT, audited); nothing is sent. Each order is sent once, and the venue's answer recorded; after it,
/// the automatic halt at the loss limit is checked, so the next leg sees it. Cancels take the same path, without (a)
/// and (b): taking an order off the book is allowed in every state.
/// </summary>
internal sealed class SendLegs(ExecutionRun run, MarketSnapshot estimatedMarket)
{
    /// <summary>The market check that stopped an order as it was leaving, if one did.</summary>
    public GuardResult? SendTimeFailure { get; private set; }

    /// <summary>True once any request left for the venue.</summary>
    public bool AnySent { get; private set; }

    public IReadOnlyList<LegOutcome> Run(IReadOnlyList<OrderRecord> reserved)
    {
        var outcomes = new List<LegOutcome>();
        string? stop = null;
        for (var i = 0; i < run.Plan.Legs.Count; i++)
        {
            var leg = run.Plan.Legs[i];
            if (leg.IsCancel)
            {
                outcomes.Add(SendCancel(i, leg));
                continue;
            }
            var order = reserved.Single(o => o.LegIndex == i);
            if (stop is not null)
            {
                outcomes.Add(NotSent(order, stop));
                continue;
            }
            if (CheckMarket(i, leg) is not { } cap)
            {
                stop = SendTimeFailure is { } failure
                    ? $"not sent: the market failed a rule when the order was leaving ({failure.Details.GetValueOrDefault("codes")})"
                    : "not sent: the venue could not give market data when the order was leaving";
                outcomes.Add(NotSent(order, stop));
                continue;
            }
            if (MarkSent(order, leg, out var sentAt) is { } refusal)
            {
                if (refusal.StopsTheRest) stop = refusal.Reason;
                outcomes.Add(new LegOutcome(i, order, new VenueOrderResult(OrderStatus.NotSent, null, [], refusal.Reason), null));
                continue;
            }
            if (TooLate(order, sentAt) is { } late)
            {
                stop = late.Answer.Reason;
                outcomes.Add(late);
                continue;
            }
            outcomes.Add(Protect(Place(order, leg, cap.Value, sentAt) with { MidAtSend = cap.Mid }, leg));
        }
        return ProtectWhatRemains(outcomes);
    }

    /// <summary>Protective orders this plan canceled before its sell, with the quantity each still covered.</summary>
    private readonly List<(OrderRecord Order, decimal Open)> _releasedProtection = [];

    /// <summary>
    /// A sell canceled protective orders covering more than it sold (or did not sell at all): what remains of the
    /// position gets a protective order again, for exactly that quantity. Reported with the sell leg.
    /// </summary>
    private List<LegOutcome> ProtectWhatRemains(List<LegOutcome> outcomes)
    {
        // Only a sell reduces what a protective order covers; a cancel plan takes the protection off because a person asked.
        if (_releasedProtection.Count == 0 || run.Plan.Kind != PlanKind.Sell) return outcomes;
        var symbol = _releasedProtection[^1].Order.Symbol;
        var sells = outcomes.Where(o => o.Order is { Side: OrderSide.Sell } order && order.Symbol == symbol).ToList();
        var remaining = _releasedProtection.Sum(r => r.Open) - sells.Sum(o => o.Answer.ExecutedQuantity);
        if (remaining <= 0 || run.Store.FindOrder(run.ClientId, _releasedProtection[^1].Order.Protects ?? "") is not { } entry)
            return outcomes;
        var report = new ProtectEntry(run.Env).Reduce(run.Venue, entry, remaining, run.Strategy?.Settings ?? new StrategySettings());
        var last = sells.Count > 0 ? sells[^1] : outcomes[^1];
        return outcomes.Select(o => ReferenceEquals(o, last) ? o with { Protection = report } : o).ToList();
    }

    /// <summary>(a) The market as the order leaves. Returns the cap (a null value for a limit order), or null when the order must not leave.</summary>
    private Cap? CheckMarket(int legIndex, PlanLeg leg)
    {
        var settings = run.Strategy?.Settings ?? new StrategySettings();
        var local = run.Env.Time.GetUtcNow();
        MarketSnapshot market;
        // The first order may use the market read moments ago for the guards, if it is still fresh; later ones read
        // again, since earlier legs changed the balances.
        if (!AnySent && Fresh(estimatedMarket, leg.Symbol, local, settings))
            market = estimatedMarket;
        else
        {
            try
            {
                market = MarketReader.Read(run.Venue, run.ClientId, [leg]);
            }
            catch (VenueUnavailableException)
            {
                return null;
            }
        }
        var now = run.VenueNow();
        var today = DailyUsageQuery.For(run.Store, run.ClientId, run.Venue.Name, ExecutionRun.DayOf(now));
        var failures = MarketConditions.FailuresOfLeg(MarketCheck.Context(run, market, today, local), legIndex);
        if (failures.Count > 0)
        {
            var validation = run.Store.LatestValidation(run.ClientId, run.Plan.Id);
            SendTimeFailure = MarketConditionsGuard.Judge(MarketConditionsGuard.GuardName, ExecutionMode.Live, failures,
                MarketCheck.Comparison(market, validation), validation?.ValidatedAt);
            return null;
        }
        var tick = market.Rules.TryGetValue(leg.Symbol, out var rules) ? rules.TickSize : 0m;
        var mid = market.Mid(leg.Symbol);
        return new Cap(PriceCap.For(leg, mid, settings.PriceCollarPercent, tick), mid);
    }

    private static bool Fresh(MarketSnapshot market, Symbol symbol, DateTimeOffset local, StrategySettings settings) =>
        market.Books.TryGetValue(symbol, out var book) && local - book.AsOf <= TimeSpan.FromSeconds(settings.SendTimeMaxDataAgeSeconds);

    private sealed record Cap(decimal? Value, decimal? Mid);

    private sealed record Refusal(string Reason, bool StopsTheRest);

    /// <summary>(b) In the transaction that marks the order SENT: the kill switch and today's loss, read again.</summary>
    private Refusal? MarkSent(OrderRecord order, PlanLeg leg, out DateTimeOffset sentAt)
    {
        var store = run.Store;
        sentAt = default;
        using var tx = store.BeginExclusive(run.ClientId);
        var now = run.VenueNow();
        if (BetweenLegs(leg, now) is { } reason)
        {
            SettleNotSent(order, reason);
            tx.Commit();
            return new Refusal(reason, StopsTheRest: true);
        }
        // Only a still-PENDING order is sent: if reconcile declared it abandoned meanwhile, it stays unsent.
        sentAt = run.Env.Time.GetUtcNow();
        if (!store.ChangeOrderStatus(order.ClientId, order.ClientOrderId, OrderStatus.Pending, OrderStatus.Sent, sentAt))
            return new Refusal("not sent: the reservation was settled by reconcile first", StopsTheRest: false);
        store.Append(new AuditEntry(order.ClientId, AuditKinds.OrderSent, OrderStatus.Sent.Wire, run.Plan.Id, run.Plan.Hash,
            Details.Of(("execution_id", order.ExecutionId), ("client_order_id", order.ClientOrderId), ("venue", run.Venue.Name),
                ("order", leg.Describe())), run.Env.Actor, run.Env.Time.GetUtcNow()));
        tx.Commit();
        AnySent = true;
        return null;
    }

    /// <summary>Why this order may no longer leave although the plan was reserved: HALTED, REDUCING for a buy, or the day's loss limit.</summary>
    private string? BetweenLegs(PlanLeg leg, DateTimeOffset venueNow)
    {
        var state = run.Store.GetTradingState(run.ClientId);
        if (state.State == TradingState.Halted)
            return $"not sent: trading was HALTED during the execution ({state.Reason})";
        if (state.State == TradingState.Reducing && leg.Side == OrderSide.Buy)
            return "not sent: trading is REDUCING, and a buy does not reduce a position";
        if (run.Strategy?.Settings.MaxLossPerDay is { } maxLoss
            && DailyUsageQuery.For(run.Store, run.ClientId, run.Venue.Name, ExecutionRun.DayOf(venueNow)).RealisedLoss is var loss && loss >= maxLoss)
            return $"not sent: today's realised loss {Decimals.Canonical(Math.Round(loss, 8))} reached max_loss_per_day {Decimals.Canonical(maxLoss)}";
        return null;
    }

    private LegOutcome NotSent(OrderRecord order, string reason)
    {
        using var tx = run.Store.BeginExclusive(run.ClientId);
        SettleNotSent(order, reason);
        tx.Commit();
        return new LegOutcome(order.LegIndex, order, new VenueOrderResult(OrderStatus.NotSent, null, [], reason), null);
    }

    /// <summary>A reserved order that will never leave: NOT_SENT (it no longer counts against the limits), audited.</summary>
    private void SettleNotSent(OrderRecord order, string reason)
    {
        if (!run.Store.ChangeOrderStatus(order.ClientId, order.ClientOrderId, OrderStatus.Pending, OrderStatus.NotSent, run.Env.Time.GetUtcNow()))
            return; // settled by reconcile meanwhile
        AuditNotSent(order, reason);
    }

    private void AuditNotSent(OrderRecord order, string reason)
    {
        run.Store.Append(new AuditEntry(order.ClientId, AuditKinds.OrderNotSent, OrderStatus.NotSent.Wire, run.Plan.Id, run.Plan.Hash,
            Details.Of(("execution_id", order.ExecutionId), ("client_order_id", order.ClientOrderId), ("venue", run.Venue.Name),
                ("reason", reason)), run.Env.Actor, run.Env.Time.GetUtcNow()));
    }

    /// <summary>
    /// The order is signed with the time it was marked SENT, and the venue places it only within its window from then.
    /// A process that finds itself past half that window (a long pause after marking SENT) does not send: the order
    /// might reach the venue too late to be placed, and its outcome would be unknown for nothing. It stops the rest too.
    /// </summary>
    private LegOutcome? TooLate(OrderRecord order, DateTimeOffset sentAt)
    {
        var waited = run.Env.Time.GetUtcNow() - sentAt;
        if (waited <= run.Venue.OrderWindow / 2) return null;
        var reason = $"not sent: {waited.TotalSeconds:0.###} s passed after the order was marked SENT, more than half its {run.Venue.OrderWindow.TotalSeconds:0.###} s window";
        using var tx = run.Store.BeginExclusive(run.ClientId);
        if (run.Store.ChangeOrderStatus(order.ClientId, order.ClientOrderId, OrderStatus.Sent, OrderStatus.NotSent, run.Env.Time.GetUtcNow()))
            AuditNotSent(order, reason);
        tx.Commit();
        return new LegOutcome(order.LegIndex, order, new VenueOrderResult(OrderStatus.NotSent, null, [], reason), null);
    }

    private LegOutcome Place(OrderRecord order, PlanLeg leg, decimal? cap, DateTimeOffset sentAt)
    {
        var store = run.Store;
        var venue = run.Venue;
        VenueOrderResult answer;
        try
        {
            answer = venue.PlaceOrder(new VenueOrderRequest(order.ClientId, order.ClientOrderId, leg, cap, sentAt));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The venue may or may not have the order: it stays UNKNOWN (counted) until reconciled.
            answer = new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message);
        }
        var fees = OrderOutcomes.FeesInQuote(venue, order, answer);
        // Fills are dated on the local clock: LIVE refuses one more than 30 s from the venue's (CLOCK_SKEW), and a clock
        // shared by every process on this machine keeps fills in the order they happened (the average cost depends on it).
        var filledAt = run.Env.Time.GetUtcNow();
        using var tx = store.BeginExclusive(run.ClientId);
        OrderOutcomes.RecordAnswer(store, venue, order, answer, fees, run.Plan.Hash, run.Env.Actor, filledAt);
        // The fills may take today's real loss to the limit: halt now, so the next leg's SENT step sees it. Paper's loss
        // limit holds on paper alone (the between-legs check and ExecutionLimits), and never halts real trading.
        var now = run.VenueNow();
        if (run.RealVenue && new ManageTradingState(run.Env).HaltAtLossLimit(run.ClientId, run.Strategy, ExecutionRun.DayOf(now), now) is { } halt)
            run.Notices.Add(halt);
        tx.Commit();
        return new LegOutcome(order.LegIndex, order, answer, cap);
    }

    /// <summary>
    /// A BUY with a stop-loss that bought something gets its protective order on the venue now, before the next leg: the
    /// stop is what the loss budget of validation assumed.
    /// </summary>
    private LegOutcome Protect(LegOutcome placed, PlanLeg leg)
    {
        if (leg.Side != OrderSide.Buy || leg.StopLoss is null || placed.Answer.ExecutedQuantity <= 0 || placed.Order is not { } order)
            return placed;
        var settings = run.Strategy?.Settings ?? new StrategySettings();
        return placed with { Protection = new Protection.ProtectEntry(run.Env).Ensure(run.Venue, order, settings) };
    }

    /// <summary>A LIVE cancel: audited before it leaves; the venue's answer settles the order's record.</summary>
    private LegOutcome SendCancel(int legIndex, PlanLeg leg)
    {
        var store = run.Store;
        var clientId = run.ClientId;
        var order = store.FindOrder(clientId, leg.CancelsOrder!);
        using (var tx = store.BeginExclusive(run.ClientId))
        {
            store.Append(new AuditEntry(clientId, AuditKinds.OrderCancelSent, OrderStatus.Sent.Wire, run.Plan.Id, run.Plan.Hash,
                Details.Of(("execution_id", run.ExecutionId), ("client_order_id", leg.CancelsOrder), ("venue", run.Venue.Name)),
                run.Env.Actor, run.Env.Time.GetUtcNow()));
            tx.Commit();
        }
        AnySent = true;
        VenueOrderResult answer;
        try
        {
            answer = run.Venue.CancelOrder(clientId, leg.Symbol, leg.CancelsOrder!, order?.Role.IsList ?? false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            answer = new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message + " (reconcile settles the order)");
        }
        if (order is not null && answer.Status != OrderStatus.Rejected && answer.Status != OrderStatus.Unknown)
        {
            var fees = OrderOutcomes.FeesInQuote(run.Venue, order, answer);
            using var tx = store.BeginExclusive(run.ClientId);
            if (store.FindOrder(clientId, order.ClientOrderId) is { } current) // read again under the lock
                OrderOutcomes.Record(store, run.Venue, current, answer, fees, run.Plan.Hash, run.Env.Actor, run.Env.Time.GetUtcNow(), AuditKinds.OrderCanceled);
            tx.Commit();
            if (order.Role.IsProtective && answer.Status == OrderStatus.Canceled)
                _releasedProtection.Add((order, order.Quantity - answer.ExecutedQuantity));
        }
        return new LegOutcome(legIndex, null, answer, null);
    }
}
