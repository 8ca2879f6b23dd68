using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Execute;

/// <summary><c>robson execute PLAN_ID --client-id N [--live] [--acknowledge-risk] [--json]</c></summary>
public static class ExecuteCommand
{
    public static Command Build(CliContext context)
    {
        var planId = new Argument<string>("PLAN_ID") { Description = "The plan to execute (from `robson plan`)." };
        var clientId = CommonOptions.ClientId();
        var live = new Option<bool>("--live") { Description = "Send real orders to the plan's venue. Without it: DRY-RUN simulation, nothing changes." };
        var acknowledge = new Option<bool>("--acknowledge-risk") { Description = "Required with --live: you accept that orders will be placed." };
        var json = CommonOptions.Json();
        // The original contract let a flag assert validation; Robson refuses these flags with an explanation.
        var validated = new Option<bool>("--validated") { Hidden = true };
        var validationPassed = new Option<bool>("--validation-passed") { Hidden = true };

        var command = new Command("execute",
            "Execute a plan. DRY-RUN by default: simulates fills against the venue's book and changes nothing.\n" +
            "LIVE needs --live --acknowledge-risk, a strategy that enables LIVE, a stored PASS/WARNING validation of this exact\n" +
            "plan within its TTL, and room within the daily limits. Every guard is reported; every attempt is audited.")
        {
            planId, clientId, live, acknowledge, json, validated, validationPassed,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(validated) || result.GetValue(validationPassed))
                throw new UsageException("--validated/--validation-passed are not accepted: validation is recorded by `robson validate PLAN_ID --client-id N` and checked at execute time");
            var isLive = result.GetValue(live);
            var ack = result.GetValue(acknowledge);
            if (ack && !isLive)
                throw new UsageException("--acknowledge-risk only makes sense with --live (without --live, execute is a DRY-RUN)");
            var tenant = Inputs.ClientId(result, clientId);
            context.AllowCredentials = isLive; // a DRY-RUN never loads a secret
            var env = context.Environment(create: false);
            var id = PlanIds.Resolve(env.Store, tenant, result.GetValue(planId));
            var outcome = new ExecutePlan(env)
                .Execute(new ExecutePlanRequest(tenant, id, isLive ? ExecutionMode.Live : ExecutionMode.DryRun, ack));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            ExecutionRenderer.Write(context.IO, outcome.Value!, result.GetValue(json));
            return outcome.Value!.Status == ExecutionStatus.Success ? ExitCodes.Success : ExitCodes.BlockedOrFailed;
        });
        return command;
    }
}
