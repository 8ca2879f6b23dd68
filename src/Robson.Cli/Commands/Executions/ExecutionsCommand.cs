using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Executions;

/// <summary><c>robson executions list|show</c>: recorded executions, read-only, always scoped by tenant.</summary>
public static class ExecutionsCommand
{
    public const int DefaultLimit = 50;

    public static Command Build(CliContext context)
    {
        var command = new Command("executions",
            "Recorded executions (every attempt, blocked or not) with their guards, actions, orders, fills and fees;\n" +
            "the mode (DRY_RUN or LIVE) is on every row.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var plan = new Option<string>("--plan") { Description = "Only executions of this plan." };
        var limit = new Option<string>("--limit") { Description = $"At most N executions, the most recent (default {DefaultLimit})." };
        var json = CommonOptions.Json();
        var command = new Command("list", "List the tenant's executions, newest first.") { clientId, plan, limit, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var planId = result.GetValue(plan) is { } p ? Inputs.PlanId(p) : null;
            var count = Inputs.OptionalPositiveInt(result, limit) ?? DefaultLimit;
            var executions = new QueryExecutions(context.Environment(create: false)).List(tenant, planId, count);
            if (result.GetValue(json))
                Output.Json(context.IO, new ExecutionListJson(tenant.Value, planId, executions.Count, executions.Select(ExecutionsRenderer.Row).ToList()),
                    ReportingJsonContext.Default.ExecutionListJson);
            else
                context.IO.Out.Write(ExecutionsRenderer.List(tenant, executions, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var executionId = new Argument<string>("EXECUTION_ID") { Description = "The execution (from `robson execute` or `executions list`)." };
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one execution: guards, actions, orders, fills and fees.") { executionId, clientId, json };
        command.SetAction(result =>
        {
            var id = result.GetValue(executionId);
            if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw new UsageException($"invalid execution id '{id}'");
            var tenant = Inputs.ClientId(result, clientId);
            var outcome = new QueryExecutions(context.Environment(create: false)).Show(tenant, id);
            // Another tenant's execution is not found either: 404 over HTTP, exactly like a missing one.
            if (outcome.IsError) throw new UsageException(outcome.InputError!, ErrorCodes.NotFound);
            if (result.GetValue(json))
                Output.Json(context.IO, ExecutionsRenderer.Detail(outcome.Value!), ReportingJsonContext.Default.ExecutionDetailJson);
            else
                context.IO.Out.Write(ExecutionsRenderer.Human(outcome.Value!, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }
}
