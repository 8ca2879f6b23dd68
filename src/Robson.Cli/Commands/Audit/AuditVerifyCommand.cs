using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Audit;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Audit;

/// <summary>
/// <c>robson audit verify [--client-id N] [--file EXPORT.jsonl] [--json]</c>: recomputes every chain (or the tenant's)
/// from the database, or from a JSONL export without any database. Exit 0 intact, 1 broken.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = new Option<string>("--client-id") { Description = "Only this tenant's chain (default: every chain)." };
        var file = new Option<string>("--file") { Description = "Verify a JSONL export (`robson audit export --format jsonl`) instead of the database; needs no ROBSON_HOME." };
        var json = CommonOptions.Json();
        var command = new Command("verify",
            "Recompute the hash chains and report the first broken link of each (position, event, reason).\n" +
            "Exit 0 when every chain is intact, 1 when one is broken.") { clientId, file, json };
        command.SetAction(result =>
        {
            var tenant = AuditInputs.OptionalClientId(result, clientId);
            AuditVerification verification;
            string source;
            IReadOnlyDictionary<string, int>? lines = null;
            if (result.GetValue(file) is { } path)
            {
                source = path;
                AuditExportReader.Export export;
                try
                {
                    export = AuditExportReader.Read(path);
                }
                catch (AuditExportReader.MalformedLineException e)
                {
                    return AuditRenderer.WriteMalformed(context.IO, source, e, result.GetValue(json));
                }
                verification = AuditChainVerifier.Verify(export.Records.Where(r => tenant is null || r.Entry.ClientId == tenant));
                lines = export.Lines;
            }
            else
            {
                source = "database";
                verification = new VerifyAuditTrail(context.Environment(create: false)).Execute(tenant);
            }

            if (result.GetValue(json))
                Output.Json(context.IO, AuditRenderer.ToJson(verification, source, lines), ReportingJsonContext.Default.AuditVerifyJson);
            else
                context.IO.Out.Write(AuditRenderer.Verification(verification, source, tenant, lines, new Style(context.IO.UseColour)));
            return verification.Intact ? ExitCodes.Success : ExitCodes.BlockedOrFailed;
        });
        return command;
    }
}
