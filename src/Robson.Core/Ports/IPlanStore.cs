using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Ports;

/// <summary>Plans, always scoped by tenant: another tenant's plan is simply not found.</summary>
public interface IPlanStore
{
    void InsertPlan(Plan plan);
    Plan? FindPlan(ClientId clientId, string planId);
    IReadOnlyList<Plan> ListPlans(ClientId clientId);
}
