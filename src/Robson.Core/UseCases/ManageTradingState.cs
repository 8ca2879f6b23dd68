using Robson.Core.Audit;
using Robson.Core.Domain;

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

    private TradingStatus Change(ClientId clientId, TradingState state, string reason, string kind)
    {
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive();
        var previous = env.Store.GetTradingState(clientId);
        var status = new TradingStatus(state, reason, now);
        env.Store.SetTradingState(clientId, status);
        env.Store.Append(new AuditEntry(clientId, kind, status.Wire, null, null,
            Details.Of(("previous_state", previous.Wire), ("reason", reason)), env.Actor, now));
        tx.Commit();
        return status;
    }
}
