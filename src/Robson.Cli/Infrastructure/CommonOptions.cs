using System.CommandLine;

namespace Robson.Cli;

/// <summary>Options shared by many commands, so they read and validate the same everywhere.</summary>
public static class CommonOptions
{
    public const string ClientIdName = "--client-id";

    /// <summary>The tenant of commands run without --client-id (a flag given wins).</summary>
    public const string ClientIdVariable = "ROBSON_CLIENT_ID";

    public static Option<string> ClientId() => new TenantOption();

    /// <summary>
    /// A command's tenant: the only --client-id that ROBSON_CLIENT_ID fills in. The audit commands' --client-id (one view
    /// of two, with --all-tenants) and market's (which venue list to look in) take no default: an operator's view or a
    /// verification's scope is never narrowed by a variable nobody typed.
    /// </summary>
    public sealed class TenantOption : Option<string>
    {
        public TenantOption() : base(ClientIdName) =>
            Description = $"Tenant id (positive integer). Required, unless {ClientIdVariable} is set.";
    }

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document (snake_case) instead of the human report; errors too." };
}
