using System.CommandLine;

namespace Robson.Cli.Commands.Audit;

/// <summary><c>robson audit list|show|verify|export</c>: read-only, never creates ROBSON_HOME, never appends.</summary>
public static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("audit",
            "The append-only, hash-chained audit trail of everything that changed state or tried to.\n" +
            "Each tenant's events form one chain (events without a tenant form their own); `audit verify` recomputes them.");
        command.Subcommands.Add(AuditListCommand.Build(context));
        command.Subcommands.Add(AuditShowCommand.Build(context));
        command.Subcommands.Add(AuditVerifyCommand.Build(context));
        command.Subcommands.Add(AuditExportCommand.Build(context));
        return command;
    }
}
