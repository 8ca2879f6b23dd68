using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Reporting;
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
        var mode = new Option<string>("--mode") { Description = "Only DRY-RUN (dry-run) or LIVE (live) executions." };
        var status = new Option<string>("--status") { Description = "Only executions with this status: SUCCESS, BLOCKED, FAILED, NOT_FILLED or UNPROTECTED." };
        var venue = new Option<string>("--venue") { Description = "Only executions on this venue." };
        var symbol = new Option<string>("--symbol") { Description = "Only executions of plans with a leg on this symbol." };
        var blockedBy = new Option<string>("--blocked-by") { Description = "Only BLOCKED executions where this guard failed (e.g. ExecutionLimits)." };
        var from = new Option<string>("--from") { Description = "Only executions on or after this UTC day (YYYY-MM-DD)." };
        var to = new Option<string>("--to") { Description = "Only executions on or before this UTC day (YYYY-MM-DD)." };
        var limit = new Option<string>("--limit") { Description = $"At most N executions, the most recent (default {DefaultLimit})." };
        var json = CommonOptions.Json();
        var command = new Command("list", "List the tenant's executions, newest first; the filters given must all hold.")
            { clientId, plan, mode, status, venue, symbol, blockedBy, from, to, limit, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var filter = new ExecutionFilter(
                result.GetValue(plan) is { } p ? Inputs.PlanId(p) : null,
                ExecutionFilters.Mode(result.GetValue(mode)),
                ExecutionFilters.Status(result.GetValue(status)),
                ExecutionFilters.Venue(result.GetValue(venue)),
                result.GetValue(symbol) is { } s ? Inputs.Require(Robson.Core.Domain.Symbol.Parse(s)) : null,
                ExecutionFilters.Guard(result.GetValue(blockedBy)),
                Inputs.OptionalDay(result, from),
                Inputs.OptionalDay(result, to));
            if (filter.From > filter.To) throw new UsageException($"--from {filter.From:yyyy-MM-dd} is after --to {filter.To:yyyy-MM-dd}");
            var count = Inputs.OptionalPositiveInt(result, limit) ?? DefaultLimit;
            var executions = new QueryExecutions(context.Environment(create: false)).List(tenant, filter, count);
            if (result.GetValue(json))
                Output.Json(context.IO, new ExecutionListJson(tenant.Value, filter.PlanId, executions.Count, executions.Select(ExecutionsRenderer.Row).ToList())
                    { Filters = ExecutionFilters.Json(filter) }, ReportingJsonContext.Default.ExecutionListJson);
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
