using Robson.Cli;
using Robson.Core.Access;
using Robson.Core.Domain;

namespace Robson.Server.Api;

/// <summary>The command line a request stands for, and the tenant it runs as.</summary>
public sealed record Invocation(string[] Args, ClientId Tenant, Answer Answer, string? ExportFormat)
{
    /// <summary>
    /// Builds the command line from the route, its values and the request's fields. The tenant is the token's: a
    /// client_id naming another tenant is answered as a missing object would be (404), except that the operator
    /// reads any tenant. Fields the command does not have, or that name files on the server, are refused by name.
    /// </summary>
    public static Invocation Build(ApiRoute route, CommandCatalog catalog, RequestFields fields, IReadOnlyDictionary<string, string?> routeValues, Caller caller)
    {
        var tenant = TenantOf(route, fields, caller);
        string? subcommand = null;
        if (route.Subcommand is { } sub)
        {
            subcommand = fields.Take(sub.Field)
                         ?? throw new UsageException($"field '{sub.Field}' is required: {string.Join(" or ", sub.Values)}", ErrorCodes.MissingArgument);
            if (!sub.Values.Contains(subcommand))
                throw new UsageException($"field '{sub.Field}' must be {string.Join(" or ", sub.Values)}, got '{subcommand}'");
        }
        var shape = catalog.Shape(route, subcommand);
        var allTenants = false;
        if (shape.Options.ContainsKey("all_tenants") && fields.Has("all_tenants"))
        {
            allTenants = fields.Take("all_tenants") == "true";
            if (allTenants && caller.Role != Role.Operator)
                throw new ProblemException(Problem.Of(Problem.Forbidden, $"role '{Roles.Name(caller.Role)}' may not read every tenant: that is the operator's"));
        }

        var positional = new List<string>();
        for (var i = 0; i < shape.Arguments.Count; i++)
        {
            var argument = shape.Arguments[i];
            var value = i < route.RouteParameters.Length
                ? routeValues.GetValueOrDefault(route.RouteParameters[i])
                : fields.Take(CommandShape.FieldName(argument));
            if (value is null)
            {
                if (argument.Arity.MinimumNumberOfValues > 0)
                    throw new UsageException($"field '{CommandShape.FieldName(argument)}' is required", ErrorCodes.MissingArgument);
                break; // later arguments cannot follow a missing one
            }
            positional.Add(value);
        }

        var accepted = Accepted(route, shape).ToHashSet();
        foreach (var name in fields.Names)
            if (!accepted.Contains(name))
                throw new UsageException(
                    $"unknown field '{name}' for {route.Method} {route.Pattern} (fields: {string.Join(", ", Accepted(route, shape))})", ErrorCodes.UnknownOption);
        route.Translate?.Invoke(fields);

        var args = new List<string>(shape.Path);
        foreach (var (name, value) in fields.Values)
            args.Add($"{(shape.Options.TryGetValue(name, out var option) ? option.Name : "--" + name.Replace('_', '-'))}={value}");
        if (shape.HasTenant && !allTenants) args.Add($"{CommonOptions.ClientIdName}={tenant}");
        if (allTenants) args.Add("--all-tenants");
        if (route.Answer == Answer.Document) args.Add("--json");
        args.Add("--");
        args.AddRange(positional);
        return new Invocation([.. args], tenant, route.Answer, route.Answer == Answer.Export ? fields.Get("format") : null);
    }

    /// <summary>Every field the route takes, for the message that refuses an unknown one.</summary>
    public static IEnumerable<string> Accepted(ApiRoute route, CommandShape shape) =>
        shape.Arguments.Skip(route.RouteParameters.Length).Select(CommandShape.FieldName)
            .Concat(route.Subcommand is { } sub ? [sub.Field] : [])
            .Concat(route.Translate is null ? [] : ["mode"])
            .Concat(shape.Options.Keys);

    private static ClientId TenantOf(ApiRoute route, RequestFields fields, Caller caller)
    {
        if (fields.Take("client_id") is not { } named) return caller.Tenant;
        var parsed = ClientId.Parse(named);
        if (parsed.Success && parsed.Value == caller.Tenant) return caller.Tenant;
        if (parsed.Success && caller.Role == Role.Operator && route.IsRead) return parsed.Value;
        // Another tenant's id is answered exactly as a missing object: nothing tells whether that tenant exists.
        throw new ProblemException(Problem.Of(ErrorCodes.NotFound, $"client {named} not found"));
    }
}

/// <summary>Who calls: the token's tenant, name and role (never the token itself).</summary>
public sealed record Caller(ClientId Tenant, string Name, Role Role, string TokenId);
