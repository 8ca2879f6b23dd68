using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.Status;

namespace Robson.Core.UseCases;

/// <summary>Reads the tenant's kill switch and who set it, for the reports (status, positions, report). Writes nothing.</summary>
public static class TradingStateQuery
{
    private static readonly HashSet<string> Kinds = [AuditKinds.TradingHalted, AuditKinds.TradingReduceOnly, AuditKinds.TradingResumed];

    public static TradingStateView Read(IRobsonStore store, ClientId clientId)
    {
        var status = store.GetTradingState(clientId);
        if (status.ChangedAt is not { } since) return new TradingStateView(status, null, false);
        // The state row keeps no actor; the audit event written in the same transaction does, stamped with the same time.
        var change = store.QueryAudit(new AuditQuery(clientId, since, null, 50)).FirstOrDefault(e => Kinds.Contains(e.Entry.Kind));
        if (change is null) return new TradingStateView(status, null, false);
        var automatic = change.Entry.Details.TryGetValue("automatic", out var flag) && flag == "true";
        return new TradingStateView(status, $"{change.Entry.Actor.User}@{change.Entry.Actor.Host}", automatic);
    }
}
