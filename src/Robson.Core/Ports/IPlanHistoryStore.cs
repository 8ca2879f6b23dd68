using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Ports;

/// <summary>What happened to a tenant's plans, for their status.</summary>
public interface IPlanHistoryStore
{
    /// <summary>
    /// By plan id: the latest validation, the executions (oldest first) and whether LIVE orders were recorded, of one plan
    /// or (when <paramref name="planId"/> is null) of every plan of the tenant. A fixed number of queries however many
    /// plans there are; a plan with no history is absent (read it as <see cref="PlanHistory.None"/>).
    /// </summary>
    IReadOnlyDictionary<string, PlanHistory> PlanHistories(ClientId clientId, string? planId);
}
