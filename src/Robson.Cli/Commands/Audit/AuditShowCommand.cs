using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Audit;

namespace Robson.Cli.Commands.Audit;

/// <summary><c>robson audit show EVENT_ID --client-id N | --all-tenants [--json]</c></summary>
internal static class AuditShowCommand
{
    public static Command Build(CliContext context)
    {
        var eventId = new Argument<string>("EVENT_ID") { Description = "The event, e.g. evt-3f9c2a7e01b4d658 (from `robson audit list`)." };
        var clientId = AuditScope.ClientIdOption("Find the event among this tenant's (another tenant's is not found).");
        var allTenants = AuditScope.AllTenantsOption("Find it among every tenant's events: an operator view, itself audited (AUDIT_ALL_TENANTS_READ).");
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one audit event with every field, its hashes and whether its content still matches its hash.")
        {
            eventId, clientId, allTenants, json,
        };
        command.SetAction(result =>
        {
            var id = AuditInputs.EventId(result.GetValue(eventId));
            var scope = AuditScope.From(result, "show", clientId, allTenants);
            var tenant = scope.ClientId;
            var env = context.Environment(create: false);
            var record = env.Store.FindAuditEvent(id);
            if (record is null || (tenant is not null && record.Entry.ClientId != tenant))
                throw new UsageException($"audit event '{id}' not found", ErrorCodes.NotFound); // exit 2 writes nothing, not even the operator's view
            scope.Record(context, env, "show");
            var matches = AuditChainVerifier.HashMatches(record);
            if (result.GetValue(json))
                Output.Json(context.IO, new AuditShowJson(AuditRenderer.ToJson(record), matches), ReportingJsonContext.Default.AuditShowJson);
            else
                context.IO.Out.Write(AuditRenderer.Show(record, matches, new Style(context.IO.UseColour)));
            return ExitCodes.Success;
        });
        return command;
    }
}
