using System.CommandLine;
using Robson.Core.Domain;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Reconcile;

/// <summary><c>robson reconcile --client-id N [--venue NAME]</c> and <c>robson orders list --client-id N</c>.</summary>
public static class ReconcileCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = CommonOptions.ClientId();
        var venue = new Option<string>("--venue") { Description = "Only this venue (default: all the tenant's venues)." };
        var json = CommonOptions.Json();
        var command = new Command("reconcile",
            "Settle orders whose outcome is unknown (after a crash, timeout or outage) from the venue's own records, record\n" +
            "their fills, and list open orders on the venue that carry Robson's client-order-id prefix but have no record here.\n" +
            "Runs by itself before every LIVE execution. Exit 0 when everything was checked and settled, 1 otherwise.")
        {
            clientId, venue, json,
        };
        command.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            context.AllowCredentials = true;
            var env = context.Environment(create: false);
            var venueName = result.GetValue(venue);
            if (venueName is not null && env.Venues.Find(tenant, venueName) is null)
                throw new UsageException($"unknown venue '{venueName}' for client {tenant}");
            var report = new ReconcileOrders(env).Run(tenant, venueName);
            var settled = report.StillUnresolved.Count == 0 && report.Orphans.Count == 0 && report.Problems.Count == 0 && report.Unprotected.Count == 0;
            var code = settled ? ExitCodes.Success : ExitCodes.BlockedOrFailed;
            if (result.GetValue(json))
            {
                Rendering.Output.Json(context.IO, ReconcileJson.From(report, venueName, settled), OrdersJsonContext.Default.ReconcileJson);
                return code;
            }
            var io = context.IO;
            io.Out.WriteLine($"RECONCILE: client {tenant}");
            foreach (var r in report.Resolved)
                io.Out.WriteLine($"  resolved   {r.Order.ClientOrderId}  {r.PreviousStatus} -> {r.Order.Status}  executed {Rendering.Output.Dec(r.Order.ExecutedQuantity)} {r.Order.Symbol}" +
                                 (r.Note is null ? "" : $"  ({r.Note})"));
            foreach (var r in report.StillUnresolved)
                io.Out.WriteLine($"  unresolved {r.Order.ClientOrderId}  {r.Order.Status}  ({r.Note})");
            foreach (var o in report.Orphans)
                io.Out.WriteLine($"  orphan     {o.ClientOrderId}  {o.Side} {Rendering.Output.Dec(o.Quantity)} {o.Symbol} {o.Status}: open on the venue, no record here");
            foreach (var p in report.Protections)
            {
                foreach (var step in p.Steps)
                    io.Out.WriteLine($"  protect    {step.Order.ClientOrderId}  {step.Order.Role} for {p.Entry.ClientOrderId}: {step.Answer.Status} ({step.Action})");
                if (p.State == Robson.Core.UseCases.Protection.ProtectionState.Unprotected)
                    io.Out.WriteLine($"  UNPROTECTED {p.Entry.ClientOrderId}  {Rendering.Output.Dec(p.Entry.ExecutedQuantity)} {p.Entry.Symbol}: {p.Message}; retry with `{p.RetryCommand}`");
            }
            foreach (var p in report.Problems)
                io.Err.WriteLine($"robson: {p}");
            io.Out.WriteLine($"Summary: {report.Resolved.Count} resolved, {report.StillUnresolved.Count} unresolved, {report.Orphans.Count} orphan(s)" +
                             (report.Protections.Count > 0 ? $", {report.Protections.Count(p => p.State == Robson.Core.UseCases.Protection.ProtectionState.Protected)} protected, {report.Unprotected.Count} unprotected" : ""));
            return code;
        });
        return command;
    }

    public static Command BuildOrders(CliContext context)
    {
        var command = new Command("orders", "Orders Robson placed.");
        var clientId = CommonOptions.ClientId();
        var json = CommonOptions.Json();
        var list = new Command("list", "The tenant's open orders: resting on a venue, or of unknown outcome.") { clientId, json };
        list.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var store = context.Environment(create: false).Store;
            var orders = store.RestingOrders(tenant, null).Concat(store.UnresolvedOrders(tenant, null)).OrderBy(o => o.CreatedAt).ToList();
            var io = context.IO;
            if (result.GetValue(json))
            {
                Rendering.Output.Json(io, new OrderListJson(tenant.Value, orders.Select(Rendering.OrderJson.From).ToList()), OrdersJsonContext.Default.OrderListJson);
                return ExitCodes.Success;
            }
            if (orders.Count == 0)
            {
                io.Out.WriteLine($"No open orders for client {tenant}.");
                return ExitCodes.Success;
            }
            io.Out.WriteLine($"{"CLIENT ORDER ID",-25} {"ROLE",-15} {"VENUE",-10} {"SYMBOL",-9} {"SIDE",-5} {"TYPE",-15} {"QTY",12} {"FILLED",12} {"PRICE",12} {"STOP",12} STATUS");
            foreach (var o in orders)
                io.Out.WriteLine($"{o.ClientOrderId,-25} {o.Role,-15} {o.Venue,-10} {o.Symbol,-9} {o.Side.Wire(),-5} {o.Type.Wire(),-15} " +
                                 $"{Rendering.Output.Dec(o.Quantity),12} {Rendering.Output.Dec(o.ExecutedQuantity),12} {(o.Price is { } p ? Rendering.Output.Dec(p) : "-"),12} " +
                                 $"{(o.StopPrice is { } s && o.Role != Robson.Core.Execution.OrderRole.Entry ? Rendering.Output.Dec(s) : "-"),12} {o.Status}");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(list);
        return command;
    }
}
