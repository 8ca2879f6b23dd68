using System.CommandLine;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Plan;

/// <summary><c>robson plans list|show</c>: read-only, never creates ROBSON_HOME.</summary>
public static class PlansCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("plans", "List or show stored plans.");

        var listClient = CommonOptions.ClientId();
        var listJson = CommonOptions.Json();
        var list = new Command("list", "List the tenant's plans, newest first, each with its stage, latest validation and last execution.") { listClient, listJson };
        list.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, listClient);
            var plans = new QueryPlanStatus(context.Environment(create: false)).List(tenant);
            PlanStatusRenderer.WriteList(context.IO, tenant, plans, result.GetValue(listJson));
            return ExitCodes.Success;
        });

        var planId = new Argument<string>("PLAN_ID");
        var showClient = CommonOptions.ClientId();
        var showJson = CommonOptions.Json();
        var show = new Command("show", "Show one plan: its latest validation, its executions and what is still possible.") { planId, showClient, showJson };
        show.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, showClient);
            var env = context.Environment(create: false);
            var status = new QueryPlanStatus(env).Show(tenant, PlanIds.Resolve(env.Store, tenant, result.GetValue(planId)))!;
            PlanStatusRenderer.Write(context.IO, status, result.GetValue(showJson));
            return ExitCodes.Success;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }
}
