using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Guards;
using Robson.Core.Plans;

namespace Robson.Core.UseCases;

/// <summary>
/// What execute does with a plan whose stored content no longer matches its hash: a BLOCKED execution with one
/// failing guard, <see cref="PlanIntegrityGuard"/>, recorded and audited (PLAN_TAMPERED, then PLAN_EXECUTED). No venue is asked
/// anything and nothing is sent: the content cannot be trusted to say what to send.
/// </summary>
public sealed class RefuseTamperedPlan(RobsonEnvironment env)
{
    public ExecutionResult Execute(ExecutePlanRequest request, Plan plan, PlanTampering tampering)
    {
        var now = env.Time.GetUtcNow();
        var guard = new PlanIntegrityGuard().Evaluate(plan);
        var result = new ExecutionResult(env.Ids.NewId(), plan.Id, plan.Hash, request.ClientId, plan.Venue, request.Mode, ExecutionStatus.Blocked,
            [guard], [], "Execution blocked by safety checks: " + guard.Message, now);
        using var tx = env.Store.BeginExclusive(request.ClientId);
        env.Store.InsertExecution(result);
        env.Store.Append(AuditEvent(env, request.ClientId, tampering, "execute", now));
        env.Store.Append(ExecuteSteps.ExecutionRun.Executed(result, env.Actor));
        tx.Commit();
        return result;
    }

    /// <summary>The PLAN_TAMPERED event, for validate and execute alike.</summary>
    public static AuditEntry AuditEvent(RobsonEnvironment env, ClientId clientId, PlanTampering tampering, string stage, DateTimeOffset now) =>
        new(clientId, AuditKinds.PlanTampered, "BLOCKED", tampering.PlanId, tampering.StoredHash,
            Details.Of([("stage", stage), .. tampering.Details]), env.Actor, now);
}
