using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Audit;

/// <summary><c>robson audit list --client-id N [--limit N] [--json]</c></summary>
public static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("audit", "The append-only, hash-chained audit trail of everything that changed state or tried to.");
        var clientId = CommonOptions.ClientId();
        var limit = new Option<string>("--limit") { Description = "Most recent N events (default 100)." };
        var json = CommonOptions.Json();
        var list = new Command("list", "List the tenant's audit events, newest first.") { clientId, limit, json };
        list.SetAction(result =>
        {
            var tenant = Inputs.ClientId(result, clientId);
            var count = Inputs.OptionalPositiveInt(result, limit) ?? 100;
            var events = context.Environment(create: false).Store.ListAudit(tenant, count);
            if (result.GetValue(json))
                Output.Json(context.IO, new AuditListJson(tenant.Value, events.Select(ToJson).ToList()), c => c.AuditListJson);
            else
                WriteHuman(context.IO, tenant, events);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(list);
        return command;
    }

    public static AuditEventJson ToJson(AuditRecord r) => new(
        r.Sequence, r.Id, r.Entry.ClientId?.Value, r.Position, r.Entry.Kind, r.Entry.Result, r.Entry.PlanId, r.Entry.PlanHash, Output.Time(r.Entry.OccurredAt),
        r.Entry.Actor.User, r.Entry.Actor.Host, r.Entry.Actor.Command, r.Entry.Actor.RobsonVersion, r.Entry.Details, r.PreviousHash, r.Hash);

    private static void WriteHuman(CliIO io, ClientId tenant, IReadOnlyList<AuditRecord> events)
    {
        if (events.Count == 0)
        {
            io.Out.WriteLine($"No audit events for client {tenant}.");
            return;
        }
        io.Out.WriteLine($"{"SEQ",-6} {"TIME (UTC)",-20} {"EVENT",-17} {"RESULT",-9} {"PLAN",-13} COMMAND");
        foreach (var e in events)
            io.Out.WriteLine($"{e.Sequence,-6} {e.Entry.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {e.Entry.Kind,-17} {e.Entry.Result,-9} {e.Entry.PlanId ?? "-",-13} {e.Entry.Actor.Command}");
    }
}
