using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Status;

/// <summary>
/// <c>robson status</c> and <c>robson positions</c> (<c>--client-id N [--venue NAME] [--json]</c>): read-only, so they
/// never create ROBSON_HOME; without a database they show an empty tenant.
/// </summary>
public static class StatusCommand
{
    public static Command Build(CliContext context)
    {
        var (clientId, venue, json) = Options();
        var command = new Command("status",
            "Where a tenant stands now, venue by venue: the trading state (who, why, since), each daily limit used/max and\n" +
            "the time left until the UTC reset, positions (quantity, average cost, mid, unrealised P&L, protective orders),\n" +
            "open orders, orders of unknown outcome with the command that settles them, and plans validated but not yet run\n" +
            "LIVE with their validation's time left. Read-only.")
        {
            clientId, venue, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var outcome = new ShowStatus(context.Environment(create: false)).Execute(tenant, result.GetValue(venue));
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json)) Output.Json(context.IO, StatusJsonMapper.ToJson(outcome.Value!), ReportingJsonContext.Default.StatusJson);
            else context.IO.Out.Write(StatusRenderer.Human(outcome.Value!, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command BuildPositions(CliContext context)
    {
        var (clientId, venue, json) = Options();
        var command = new Command("positions",
            "A tenant's positions (each venue on its own book): quantity, average cost (buy fees included), the venue's mid,\n" +
            "unrealised P&L at the mid, and the protective orders resting for each. Read-only.")
        {
            clientId, venue, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var venueName = result.GetValue(venue);
            var outcome = new ShowStatus(context.Environment(create: false)).ExecutePositions(tenant, venueName);
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            if (result.GetValue(json))
                Output.Json(context.IO, StatusJsonMapper.ToJson(tenant, venueName, outcome.Value!), ReportingJsonContext.Default.PositionsJson);
            else context.IO.Out.Write(StatusRenderer.HumanPositions(tenant, venueName, outcome.Value!, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<string> ClientId, Option<string> Venue, Option<bool> Json) Options() => (
        CommonOptions.ClientId(),
        new Option<string>("--venue") { Description = "Only this venue (paper, or a venue of the tenant); default: every venue the tenant uses." },
        CommonOptions.Json());
}
