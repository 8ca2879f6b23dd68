using System.CommandLine;

namespace Robson.Cli.Commands.Audit;

/// <summary>
/// <c>robson audit list|show|verify|export</c>: never creates ROBSON_HOME; one tenant's view (<c>--client-id</c>) writes
/// nothing, every tenant's (<c>--all-tenants</c>) appends the one event that records the operator's read.
/// </summary>
public static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("audit",
            "The append-only, hash-chained audit trail of everything that changed state or tried to.\n" +
            "Each tenant's events form one chain (events without a tenant form their own); `audit verify` recomputes them.\n" +
            "Each subcommand needs --client-id N (one tenant's events) or --all-tenants (every tenant's: an operator view, audited).");
        command.Subcommands.Add(AuditListCommand.Build(context));
        command.Subcommands.Add(AuditShowCommand.Build(context));
        command.Subcommands.Add(AuditVerifyCommand.Build(context));
        command.Subcommands.Add(AuditExportCommand.Build(context));
        return command;
    }
}
