using System.CommandLine;
using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.UseCases;

namespace Robson.Cli.Commands.Audit;

/// <summary>
/// Whose audit trail a command reads: one tenant's (<c>--client-id N</c>) or, as an operator, every tenant's
/// (<c>--all-tenants</c>, itself audited). One of the two is required: nobody reads every tenant's events by default.
/// </summary>
internal sealed record AuditScope(ClientId? ClientId)
{
    public bool AllTenants => ClientId is null;

    public static Option<string> ClientIdOption(string description) => new("--client-id") { Description = description };

    public static Option<bool> AllTenantsOption(string description) => new("--all-tenants") { Description = description };

    /// <summary>The scope asked for; neither or both options is a usage error.</summary>
    public static AuditScope From(ParseResult result, string command, Option<string> clientId, Option<bool> allTenants)
    {
        var all = result.GetValue(allTenants);
        var tenant = AuditInputs.OptionalClientId(result, clientId);
        return (tenant, all) switch
        {
            (null, false) => throw new UsageException(
                $"audit {command} needs --client-id N (one tenant's events) or --all-tenants (every tenant's: an operator view, audited)"),
            (not null, true) => throw new UsageException("--client-id and --all-tenants exclude each other: give one"),
            _ => new AuditScope(tenant),
        };
    }

    /// <summary>
    /// The environment to read from. An operator view is recorded (AUDIT_ALL_TENANTS_READ) before anything is read; one
    /// tenant's view writes nothing, and neither creates a database (where there is none, there is nothing to see or record).
    /// </summary>
    public RobsonEnvironment Open(CliContext context, string command)
    {
        var env = context.Environment(create: false);
        Record(context, env, command);
        return env;
    }

    /// <summary>Records an operator view (nothing for one tenant's view, or where there is no database).</summary>
    public void Record(CliContext context, RobsonEnvironment env, string command)
    {
        if (AllTenants && context.HasStore) new RecordAllTenantsRead(env).Execute(command);
    }

    public string Describe() => ClientId is { } c ? $" of client {c}" : " of every tenant";
}
