using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Report;

/// <summary><c>robson report --client-id N [--day DATE | --from DATE [--to DATE]] [--venue NAME] [--json]</c>: read-only.</summary>
public static class ReportCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var day = new Option<string>("--day") { Description = "One UTC day as YYYY-MM-DD (default: today)." };
        var from = new Option<string>("--from") { Description = "First UTC day of a period, YYYY-MM-DD." };
        var to = new Option<string>("--to") { Description = $"Last UTC day of the period (default: today); at most {BuildDailyReport.MaxDays} days in all." };
        var venue = new Option<string>("--venue")
        {
            Description = "Only this venue's book (paper, or a venue of the tenant); default: each venue side by side.",
        };
        var json = CommonOptions.Json();
        var command = new Command("report",
            "A tenant's day (or period) at a glance, venue by venue: LIVE orders, notional, fills, fees and realised\n" +
            "P&L by symbol (each venue on its own book), each daily limit's usage (the paper venue counts itself;\n" +
            "real venues count together), validations passed/warned/failed, executions, and blocked attempts by guard.")
        {
            clientId, day, from, to, venue, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var oneDay = Inputs.OptionalDay(result, day);
            var first = Inputs.OptionalDay(result, from);
            var last = Inputs.OptionalDay(result, to);
            if (oneDay is not null && (first is not null || last is not null))
                throw new UsageException("--day cannot be combined with --from/--to");
            if (last is not null && first is null)
                throw new UsageException("--to needs --from");

            var useCase = new BuildDailyReport(context.Environment(create: false));
            var start = oneDay ?? first ?? useCase.Today;
            var end = oneDay ?? last ?? useCase.Today;
            if (end < start)
                throw new UsageException($"--to {Amounts.Day(end)} is before --from {Amounts.Day(start)}");
            if (end.DayNumber - start.DayNumber >= BuildDailyReport.MaxDays)
                throw new UsageException($"a report covers at most {BuildDailyReport.MaxDays} days");

            var outcome = useCase.Execute(tenant, start, end, result.GetValue(venue));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            var report = outcome.Value!;
            if (result.GetValue(json)) Output.Json(context.IO, ReportRenderer.ToJson(report), ReportingJsonContext.Default.ReportJson);
            else context.IO.Out.Write(ReportRenderer.Human(report, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }
}
