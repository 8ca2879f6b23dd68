using System.CommandLine;

namespace Robson.Cli.Commands.Plan;

/// <summary><c>robson plans list|show</c>: read-only, never creates ROBSON_HOME.</summary>
public static class PlansCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("plans", "List or show stored plans.");

        var listClient = CommonOptions.ClientId();
        var listJson = CommonOptions.Json();
        var list = new Command("list", "List the tenant's plans, newest first.") { listClient, listJson };
        list.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, listClient);
            var plans = context.Environment(create: false).Store.ListPlans(tenant);
            PlanRenderer.WriteList(context.IO, tenant, plans, result.GetValue(listJson));
            return ExitCodes.Success;
        });

        var planId = new Argument<string>("PLAN_ID");
        var showClient = CommonOptions.ClientId();
        var showJson = CommonOptions.Json();
        var show = new Command("show", "Show one plan.") { planId, showClient, showJson };
        show.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, showClient);
            var store = context.Environment(create: false).Store;
            var plan = store.FindPlan(tenant, PlanIds.Resolve(store, tenant, result.GetValue(planId)))!;
            PlanRenderer.Write(context.IO, plan, result.GetValue(showJson));
            return ExitCodes.Success;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }
}
