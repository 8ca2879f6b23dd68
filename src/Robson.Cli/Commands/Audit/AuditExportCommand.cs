using System.CommandLine;
using Robson.Cli.Rendering;

namespace Robson.Cli.Commands.Audit;

/// <summary><c>robson audit export --client-id N | --all-tenants [--format jsonl|csv] [--output FILE]</c></summary>
internal static class AuditExportCommand
{
    public static Command Build(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "jsonl (default: one JSON event per line, verifiable with `audit verify --file`) or csv." };
        var output = new Option<string>("--output") { Description = "Write to FILE (all or nothing: a temporary file is renamed into place). Default: stdout." };
        var clientId = AuditScope.ClientIdOption("This tenant's chain (or --all-tenants).");
        var allTenants = AuditScope.AllTenantsOption("Every chain: an operator view, itself audited (AUDIT_ALL_TENANTS_READ, included in the export).");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: with --output, a summary of what was written; without, {\"events\": [...]} (jsonl only).",
        };
        var command = new Command("export",
            "Export audit events, oldest first, with every field and both hashes (previous_hash, hash),\n" +
            "so the chain can be verified offline (see README, \"Audit trail and reports\").") { format, output, clientId, allTenants, json };
        command.SetAction(result =>
        {
            var kind = (result.GetValue(format) ?? "jsonl").Trim().ToLowerInvariant();
            if (kind is not ("jsonl" or "csv"))
                throw new UsageException($"--format must be jsonl or csv, got '{result.GetValue(format)}'");
            var scope = AuditScope.From(result, "export", clientId, allTenants);
            var tenant = scope.ClientId;
            var target = result.GetValue(output) is { } path ? ExportFile.CheckTarget(path, force: true) : null;
            var asJson = result.GetValue(json);
            if (asJson && target is null && kind == "csv")
                throw new UsageException("--json with --format csv needs --output FILE (the CSV goes to the file, the summary to stdout)");

            var env = scope.Open(context, "export");
            var events = env.Store.ReadAuditEvents(tenant);
            var write = (TextWriter writer) =>
            {
                if (kind == "csv") AuditExportFile.WriteCsv(writer, events);
                else AuditExportFile.WriteJsonl(writer, events);
            };
            if (target is null)
            {
                if (asJson) AuditExportFile.WriteDocument(context.IO.Out, events);
                else write(context.IO.Out);
                return ExitCodes.Success;
            }
            // An audit export replaces the file it is given (as it always has), now readable by its owner only.
            ExportFile.WriteAtomically(target, force: true, writer => { write(writer); return 0; });
            if (asJson)
            {
                Output.Json(context.IO, new AuditExportJson(target, kind, events.Count, tenant?.Value, tenant is null),
                    AuditExportJsonContext.Default.AuditExportJson);
                return ExitCodes.Success;
            }
            context.IO.Out.WriteLine($"Exported {events.Count} audit event(s){(tenant is null ? "" : $" of client {tenant}")} to {target} ({kind}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
