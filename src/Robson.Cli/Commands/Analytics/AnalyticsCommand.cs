using System.CommandLine;
using Robson.Cli.Commands.Report;
using Robson.Cli.Rendering;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Analytics;

/// <summary><c>robson analytics --client-id N [--from DATE] [--to DATE] [--venue NAME] [--json]</c>: the dashboard's chart series, read-only.</summary>
public static class AnalyticsCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var from = new Option<string>("--from") { Description = $"First UTC day, YYYY-MM-DD (default: {BuildAnalytics.DefaultDays} days ending --to)." };
        var to = new Option<string>("--to") { Description = $"Last UTC day, YYYY-MM-DD (default: today); at most {BuildDailyReport.MaxDays} days in all." };
        var venue = new Option<string>("--venue") { Description = "Only this venue (paper, or a venue of the tenant); default: every venue." };
        var json = CommonOptions.Json();
        var command = new Command("analytics",
            "A tenant's activity as series, day by day: realised P&L and fees, LIVE notional against the daily limit,\n" +
            "blocked LIVE attempts by guard, validation outcomes, and the slippage of LIVE fills against the mid when each\n" +
            "order left (by venue). The data of the dashboard's charts.")
        {
            clientId, from, to, venue, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var useCase = new BuildDailyReport(context.Environment(create: false));
            var end = Inputs.OptionalDay(result, to) ?? useCase.Today;
            var start = Inputs.OptionalDay(result, from) ?? end.AddDays(1 - BuildAnalytics.DefaultDays);
            if (end < start) throw new UsageException($"--to {Amounts.Day(end)} is before --from {Amounts.Day(start)}");
            if (end.DayNumber - start.DayNumber >= BuildDailyReport.MaxDays)
                throw new UsageException($"analytics cover at most {BuildDailyReport.MaxDays} days");

            var outcome = new BuildAnalytics(context.Environment(create: false)).Execute(tenant, start, end, result.GetValue(venue));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json)) Output.Json(context.IO, AnalyticsRenderer.ToJson(outcome.Value!), ReportingJsonContext.Default.AnalyticsJson);
            else context.IO.Out.Write(AnalyticsRenderer.Human(outcome.Value!));
            return ExitCodes.Success;
        });
        return command;
    }
}
