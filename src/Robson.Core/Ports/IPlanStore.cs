using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Ports;

/// <summary>Plans, always scoped by tenant: another tenant's plan is simply not found.</summary>
public interface IPlanStore
{
    void InsertPlan(Plan plan);
    Plan? FindPlan(ClientId clientId, string planId);
    IReadOnlyList<Plan> ListPlans(ClientId clientId);

    /// <summary>Ids of the tenant's plans that start with <paramref name="prefix"/>, at most <paramref name="limit"/> of them.</summary>
    IReadOnlyList<string> PlanIdsStartingWith(ClientId clientId, string prefix, int limit);
}
