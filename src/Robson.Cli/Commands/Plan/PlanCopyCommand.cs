using System.CommandLine;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Plan;

/// <summary><c>robson plan copy PLAN_ID --client-id N [--json]</c>: the same content as a new plan, to validate and execute afresh.</summary>
public static class PlanCopyCommand
{
    public static Command Build(CliContext context)
    {
        var planId = new Argument<string>("PLAN_ID") { Description = "The tenant's plan to copy." };
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("copy",
            "Make a new plan with the same content as PLAN_ID (kind, strategy, venue, orders): a new id, creation time and hash,\n" +
            "no validation nor execution yet. How the orders of a plan already executed LIVE are placed again.")
        {
            planId, clientId, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var env = context.Environment(create: false);
            var source = PlanIds.Resolve(env.Store, tenant, result.GetValue(planId));
            var outcome = new CopyPlan(env).Execute(tenant, source);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            PlanRenderer.Write(context.IO, outcome.Value!, result.GetValue(json), [$"copy of plan {source}"]);
            return ExitCodes.Success;
        });
        return command;
    }
}
