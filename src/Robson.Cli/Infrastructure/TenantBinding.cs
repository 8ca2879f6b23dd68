using System.CommandLine;
using Robson.Core.Domain;
using Robson.Storage.Sql;

namespace Robson.Cli;

/// <summary>
/// Which tenants the store's session may see, decided from the command line before the store opens: the tenant of
/// --client-id when the command has one, every tenant when it has none (an operator's command such as paper set-price),
/// and no tenant at all when --client-id is malformed (the command then refuses it anyway; nothing can be read meanwhile).
/// </summary>
public sealed record TenantBinding
{
    private readonly ClientId? _tenant;
    private readonly bool _all;

    private TenantBinding(ClientId? tenant, bool all)
    {
        _tenant = tenant;
        _all = all;
    }

    public static readonly TenantBinding AllTenants = new(null, true);

    private static readonly TenantBinding NoTenant = new(null, false);

    /// <summary>From the parsed command: its --client-id option, if it has one and it was given.</summary>
    public static TenantBinding From(ParseResult parsed)
    {
        var option = ClientIdOption(parsed);
        if (option is null || parsed.GetValue(option) is not { } text)
            return AllTenants;
        return ClientId.Parse(text) is { Success: true } tenant ? new TenantBinding(tenant.Value, false) : NoTenant;
    }

    /// <summary>The tenant text taken from ROBSON_CLIENT_ID, when the command has --client-id and it was left out.</summary>
    public static string? FromEnvironment(ParseResult parsed) =>
        ClientIdOption(parsed) is { } option && Inputs.TenantFromEnvironment(parsed, option) ? parsed.GetValue(option) : null;

    private static Option<string>? ClientIdOption(ParseResult parsed) =>
        parsed.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == CommonOptions.ClientIdName);

    public void Bind(SqlStore store)
    {
        if (_tenant is { } tenant) store.BindTenant(tenant);
        else if (_all) store.BindAllTenants();
    }

    public override string ToString() => _tenant?.ToString() ?? (_all ? "all" : "none");
}
