using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Core.UseCases;

/// <summary>The kill switch: halt, reduce-only, resume. Persistent and audited.</summary>
public sealed class ManageTradingState(RobsonEnvironment env)
{
    public TradingStatus Halt(ClientId clientId, string reason) =>
        Change(clientId, TradingState.Halted, reason, AuditKinds.TradingHalted);

    public TradingStatus ReduceOnly(ClientId clientId, string reason) =>
        Change(clientId, TradingState.Reducing, reason, AuditKinds.TradingReduceOnly);

    /// <summary>Back to ACTIVE; the caller has checked --acknowledge-risk.</summary>
    public TradingStatus Resume(ClientId clientId) =>
        Change(clientId, TradingState.Active, "resumed", AuditKinds.TradingResumed);

    public TradingStatus Current(ClientId clientId) => env.Store.GetTradingState(clientId);

    /// <summary>
    /// Robson halts a tenant by itself once today's realised loss on its real venues reaches max_loss_per_day (a paper
    /// loss never halts: it only blocks further paper orders by the paper venue's own limit). Runs inside the caller's
    /// exclusive transaction (after fills are recorded), so the next order's SENT step sees the halt. Returns the
    /// automatic halt, or null when none was needed.
    /// </summary>
    public AutomaticHalt? HaltAtLossLimit(ClientId clientId, Strategies.Strategy? strategy, DateOnly today, DateTimeOffset now)
    {
        if (strategy?.Settings.MaxLossPerDay is not { } maxLoss) return null;
        var store = env.Store;
        var loss = DailyUsageQuery.For(store, clientId, VenueScope.RealVenues, today).RealisedLoss;
        if (loss < maxLoss || store.GetTradingState(clientId).State == TradingState.Halted) return null;
        var reason = $"automatic: realised loss today {Decimals.Canonical(Math.Round(loss, 8))} reached max_loss_per_day {Decimals.Canonical(maxLoss)}";
        store.SetTradingState(clientId, new TradingStatus(TradingState.Halted, reason, now));
        store.Append(new AuditEntry(clientId, AuditKinds.TradingHalted, "HALTED", null, null,
            Details.Of(("reason", reason), ("strategy_id", strategy.Id), ("automatic", "true")), env.Actor, now));
        return new AutomaticHalt(clientId, reason);
    }

    private TradingStatus Change(ClientId clientId, TradingState state, string reason, string kind)
    {
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(clientId);
        var previous = env.Store.GetTradingState(clientId);
        var status = new TradingStatus(state, reason, now);
        env.Store.SetTradingState(clientId, status);
        env.Store.Append(new AuditEntry(clientId, kind, status.Wire, null, null,
            Details.Of(("previous_state", previous.Wire), ("reason", reason)), env.Actor, now));
        tx.Commit();
        return status;
    }
}
