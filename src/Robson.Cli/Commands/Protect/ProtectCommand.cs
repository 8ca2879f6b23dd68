using System.CommandLine;
using Robson.Core.UseCases.Protection;

namespace Robson.Cli.Commands.Protect;

/// <summary><c>robson protect --client-id N --order ID</c>: place a filled entry's protective order again.</summary>
public static class ProtectCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var order = new Option<string>("--order") { Description = "Client order id of the filled entry (a BUY with a stop-loss). Required." };
        var json = CommonOptions.Json();
        var command = new Command("protect",
            "Place the protective order (STOP_LOSS_LIMIT, or OCO with a take-profit) of a filled entry that has none on the\n" +
            "venue, e.g. after an execution ended UNPROTECTED and the cause was fixed. Never places a second one: an entry\n" +
            "already protected, or whose protective order is in flight, is reported as it is. Exit 0 when the position is\n" +
            "protected (or needs no protection), 1 when it is still unprotected.")
        {
            clientId, order, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var id = result.GetValue(order);
            if (string.IsNullOrWhiteSpace(id)) throw new UsageException("--order ID is required: the client order id of the filled entry");
            context.AllowCredentials = true;
            var outcome = new ProtectPosition(context.Environment(create: false)).Run(tenant, id.Trim());
            if (outcome.IsError) throw new UsageException(outcome.InputError!);
            var report = outcome.Value!;
            var code = report.State is ProtectionState.Protected or ProtectionState.NotNeeded ? ExitCodes.Success : ExitCodes.BlockedOrFailed;
            var io = context.IO;
            if (result.GetValue(json))
            {
                Rendering.Output.Json(io, Reconcile.ProtectionJson.From(report), Reconcile.OrdersJsonContext.Default.ProtectionJson);
                return code;
            }
            foreach (var step in report.Steps)
                io.Out.WriteLine($"  {step.Order.ClientOrderId}  {step.Order.Role}: {step.Answer.Status} ({step.Action})" +
                                 (step.Answer.Reason is { } reason ? $": {reason}" : ""));
            io.Out.WriteLine($"PROTECTION: {report.State.ToString().ToUpperInvariant()} {report.Entry.ClientOrderId} ({Rendering.Output.Dec(report.Entry.ExecutedQuantity)} {report.Entry.Symbol} bought): {report.Message}");
            return code;
        });
        return command;
    }
}
