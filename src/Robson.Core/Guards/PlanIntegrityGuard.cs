using Robson.Core.Plans;

namespace Robson.Core.Guards;

/// <summary>
/// The plan's stored content still matches its hash (<see cref="PlanIntegrity"/>). Execute checks it before anything
/// else and, on a mismatch, reports this guard alone: no other guard can judge content that cannot be trusted.
/// </summary>
public sealed class PlanIntegrityGuard : IExecutionGuard
{
    public string Name => "PlanIntegrity";

    public GuardResult Evaluate(GuardContext context) => Evaluate(context.Plan);

    public GuardResult Evaluate(Plan plan) => PlanIntegrity.Check(plan) is { } tampering
        ? GuardResult.Fail(Name, GuardCodes.PlanTampered, $"[{GuardCodes.PlanTampered}] {tampering.Message}", tampering.Details)
        : GuardResult.Pass(Name, "Plan content matches its hash");
}
