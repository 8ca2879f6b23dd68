using System.CommandLine;
using Robson.Cli.Rendering;
using Robson.Core.Audit;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Audit;

/// <summary>
/// <c>robson audit verify --client-id N | --all-tenants [--expect-head CLIENT:HASH]... [--json]</c>: recomputes the
/// tenant's chain (or every chain) from the database, cross-checks it with the stored records and checks it against the
/// heads witnessed outside the events table; or <c>--file EXPORT.jsonl</c> without any database. Exit 0 intact, 1 broken.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Build(CliContext context)
    {
        var clientId = AuditScope.ClientIdOption("This tenant's chain (or --all-tenants). With --file: only this tenant's chain of the export.");
        var allTenants = AuditScope.AllTenantsOption("Every chain: an operator view, itself audited (AUDIT_ALL_TENANTS_READ).");
        var expectHead = new Option<string[]>("--expect-head")
        {
            Description = "A head hash kept elsewhere, CLIENT:HASH ('-' for the chain without a tenant), from an earlier `audit verify`:\n" +
                          "the chain must still contain that event. Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var file = new Option<string>("--file") { Description = "Verify a JSONL export (`robson audit export --format jsonl`) instead of the database; needs no ROBSON_HOME." };
        var json = CommonOptions.Json();
        var command = new Command("verify",
            "Recompute the hash chains and report the first broken link of each (position, event, reason); cross-check the\n" +
            "stored plans, validations, executions, orders and strategy versions with their events; check each chain against\n" +
            "the heads witnessed outside it (ROBSON_HOME/audit-heads) and against --expect-head.\n" +
            "Exit 0 when every chain is intact, 1 when one is broken.") { clientId, allTenants, expectHead, file, json };
        command.SetAction(result =>
        {
            AuditVerification verification;
            string source;
            IReadOnlyDictionary<string, int>? lines = null;
            Core.Domain.ClientId? tenant;
            if (result.GetValue(file) is { } path)
            {
                // A file is verified as it is: nothing in the database is read, so there is no tenant view to choose or audit.
                if (result.GetValue(allTenants))
                    throw new UsageException("--all-tenants reads the database; --file verifies every chain of the export (narrow it with --client-id)");
                tenant = AuditInputs.OptionalClientId(result, clientId);
                var expected = AuditInputs.ExpectedHeads(result, expectHead, tenant);
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
                verification = AuditChainVerifier.Verify(new AuditEvidence(export.Records.Where(r => tenant is null || r.Entry.ClientId == tenant).ToList())
                {
                    ExpectedHeads = expected,
                });
                lines = export.Lines;
            }
            else
            {
                var scope = AuditScope.From(result, "verify", clientId, allTenants);
                tenant = scope.ClientId;
                var expected = AuditInputs.ExpectedHeads(result, expectHead, tenant);
                source = "database";
                var env = scope.Open(context, "verify");
                verification = new VerifyAuditTrail(env).Execute(tenant, expected);
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
