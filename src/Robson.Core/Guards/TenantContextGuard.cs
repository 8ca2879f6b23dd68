namespace Robson.Core.Guards;

/// <summary>Every execution names its tenant, and the plan is that tenant's.</summary>
public sealed class TenantContextGuard : IExecutionGuard
{
    public string Name => "TenantContext";

    public GuardResult Evaluate(GuardContext context) => context.ClientId switch
    {
        null => GuardResult.Fail(Name, GuardCodes.ClientIdRequired, "client_id is required", ("requirement", "add --client-id N")),
        { } id when id != context.Plan.ClientId => GuardResult.Fail(Name, GuardCodes.TenantMismatch, "Plan does not belong to this tenant", ("client_id", id.Value)),
        { } id => GuardResult.Pass(Name, $"Tenant context valid (client_id={id})", ("client_id", id.Value)),
    };
}
