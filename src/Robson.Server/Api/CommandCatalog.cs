using System.CommandLine;
using Robson.Cli;

namespace Robson.Server.Api;

/// <summary>A command's arguments and the options a request may set, by the field names requests use.</summary>
public sealed record CommandShape(string[] Path, string Description, IReadOnlyList<Argument> Arguments, IReadOnlyDictionary<string, Option> Options, bool HasTenant)
{
    public static string FieldName(Option option) => option.Name.TrimStart('-').Replace('-', '_');

    public static string FieldName(Argument argument) => argument.Name.ToLowerInvariant();
}

/// <summary>
/// The CLI's commands as the server offers them, read from the command tree itself (built once): the fields a route
/// takes are the command's own options, so the HTTP API cannot drift from the CLI.
/// </summary>
public sealed class CommandCatalog
{
    /// <summary>
    /// Never a request's field: the tenant (the token's), the output form, and every option that names a file on the
    /// server's disk (a remote caller must neither write nor read one), whatever command has it, now or later.
    /// </summary>
    private static readonly HashSet<string> NeverFields = ["client_id", "json", "help", "h", "?", "output", "force", "file", "credentials_file"];
    private readonly RootCommand _root;

    public CommandCatalog()
    {
        var io = new CliIO(TextWriter.Null, TextWriter.Null, _ => null, false, TimeProvider.System, "catalog", "catalog");
        using var context = new CliContext(io, []); // builds commands only; no store is opened
        _root = CommandTable.Build(context);
    }

    public CommandShape Shape(ApiRoute route, string? subcommand = null)
    {
        string[] path = subcommand is null ? route.Command : [.. route.Command, subcommand];
        Command command = _root;
        foreach (var name in path)
            command = command.Subcommands.FirstOrDefault(c => c.Name == name)
                      ?? throw new InvalidOperationException($"route {route.Pattern} names a command the CLI does not have: {string.Join(' ', path)}");
        var options = command.Options
            .Where(o => !o.Hidden && !NeverFields.Contains(CommandShape.FieldName(o)) && !route.Hidden.Contains(CommandShape.FieldName(o)))
            .ToDictionary(CommandShape.FieldName);
        var hasTenant = command.Options.Any(o => o.Name == CommonOptions.ClientIdName);
        return new CommandShape(path, command.Description ?? "", command.Arguments.ToArray(), options, hasTenant);
    }

    /// <summary>Every shape a route can take (one per subcommand value).</summary>
    public IEnumerable<CommandShape> Shapes(ApiRoute route) =>
        route.Subcommand is { } sub ? sub.Values.Select(v => Shape(route, v)) : [Shape(route)];
}
