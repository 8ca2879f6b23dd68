using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.TradingState;

/// <summary><c>robson halt | reduce-only | resume</c>: the per-tenant kill switch.</summary>
public static class TradingStateCommands
{
    public static IEnumerable<Command> Build(CliContext context)
    {
        yield return Halt(context);
        yield return ReduceOnly(context);
        yield return Resume(context);
    }

    public static Command Halt(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit trail). Required." };
        var command = new Command("halt", "Kill switch: refuse every LIVE order of the tenant until `robson resume`. Survives restarts.") { clientId, reason, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var why = result.GetValue(reason);
            if (string.IsNullOrWhiteSpace(why)) throw new UsageException("--reason TEXT is required: say why trading is halted");
            Write(context, new ManageTradingState(context.Environment(create: true)).Halt(tenant, why.Trim()), tenant, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command ReduceOnly(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the audit trail)." };
        var command = new Command("reduce-only", "Allow only LIVE orders that reduce an existing position (sells of assets held).") { clientId, reason, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var why = result.GetValue(reason) is { Length: > 0 } r ? r.Trim() : "reduce-only requested";
            Write(context, new ManageTradingState(context.Environment(create: true)).ReduceOnly(tenant, why), tenant, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Resume(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var acknowledge = new Option<bool>("--acknowledge-risk") { Description = "Required: you accept that LIVE orders may be placed again." };
        var command = new Command("resume", "Return the tenant to ACTIVE trading (after halt or reduce-only).") { clientId, acknowledge, json };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            if (!result.GetValue(acknowledge)) throw new UsageException("resume requires --acknowledge-risk: LIVE orders may be placed again");
            Write(context, new ManageTradingState(context.Environment(create: true)).Resume(tenant), tenant, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CliContext context, TradingStatus status, ClientId tenant, bool json)
    {
        if (json) // the same trading_state object as status and report: state, reason, since, who, automatic
            Rendering.Output.Json(context.IO,
                new Rendering.TradingStateChangeJson(tenant.Value, Status.TradingStateText.Json(TradingStateQuery.Read(context.Environment(create: true).Store, tenant))),
                Rendering.ReportingJsonContext.Default.TradingStateChangeJson);
        else
            context.IO.Out.WriteLine($"Trading state of client {tenant}: {status.Wire}" + (status.State == Core.Domain.TradingState.Active ? "" : $" ({status.Reason})"));
    }
}
