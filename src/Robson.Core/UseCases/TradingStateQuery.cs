using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.Status;

namespace Robson.Core.UseCases;

/// <summary>Reads the tenant's kill switch and who set it, for the reports (status, positions, report). Writes nothing.</summary>
public static class TradingStateQuery
{
    private static readonly string[] Kinds = [AuditKinds.TradingHalted, AuditKinds.TradingReduceOnly, AuditKinds.TradingResumed];

    public static TradingStateView Read(IRobsonStore store, ClientId clientId)
    {
        var status = store.GetTradingState(clientId);
        if (status.ChangedAt is null) return new TradingStateView(status, null, false);
        // The state row keeps no actor; the audit event written in the same transaction does. An event that disagrees with
        // the state (a trail that lost the change) names nobody rather than the wrong person.
        if (store.LatestAuditOfKind(clientId, Kinds) is not { } change || change.Entry.Result != status.Wire)
            return new TradingStateView(status, null, false);
        var automatic = change.Entry.Details.TryGetValue("automatic", out var flag) && flag == "true";
        return new TradingStateView(status, $"{change.Entry.Actor.User}@{change.Entry.Actor.Host}", automatic);
    }
}
