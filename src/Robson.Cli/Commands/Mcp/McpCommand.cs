using System.CommandLine;
using Robson.Cli.Commands.Serve;
using Robson.Core.Domain;

namespace Robson.Cli.Commands.Mcp;

/// <summary>What <c>robson mcp</c> runs as: the tenant, and the agent's name when given (else the MCP client's).</summary>
public sealed record McpSettings(ClientId Tenant, string? Agent)
{
    public string[] ToArgs() => ["mcp", $"{CommonOptions.ClientIdName}={Tenant}", .. Agent is null ? Array.Empty<string>() : [$"--agent={Agent}"]];
}

/// <summary>
/// <c>robson mcp --client-id N [--agent NAME]</c>: an MCP server over stdio for AI agents. It runs in robson-server
/// (exec'd in place, as <c>serve</c> does), so the CLI's start-up never pays for the protocol stack.
/// </summary>
public static class McpCommand
{
    private sealed class McpOptions
    {
        public readonly Option<string> ClientId = CommonOptions.ClientId();
        public readonly Option<string> Agent = new("--agent") { Description = "The agent's name, recorded as the actor of every audit event it causes (default: the client name of the MCP handshake)." };

        public McpSettings Read(ParseResult result)
        {
            var agent = result.GetValue(Agent);
            if (agent is not null && !AgentName.IsValid(agent))
                throw new UsageException($"--agent must be 1 to 64 letters, digits, '-', '_', '.' or spaces, got '{agent}'");
            return new McpSettings(Inputs.ClientId(result, ClientId), agent);
        }
    }

    public static Command Build(CliContext context)
    {
        var options = new McpOptions();
        var json = CommonOptions.Json();
        var command = new Command("mcp",
            "Serve the tenant to an AI agent over MCP (stdio): plan, validate and rehearse (DRY-RUN) trades and read the tenant's\n" +
            "state, with tools whose results are the CLI's --json documents. An agent never sends a real order and never changes\n" +
            "limits, policy, venues or the kill switch. Configure it in an MCP client as the command `robson mcp --client-id N --agent NAME`.")
        {
            options.ClientId, options.Agent, json,
        };
        command.SetAction(result =>
        {
            var settings = options.Read(result);
            var server = ServerLauncher.Locate(context.IO.GetEnvironmentVariable);
            return ServerLauncher.Exec(server, settings.ToArgs(), context.IO.Err);
        });
        return command;
    }

    /// <summary>robson-server's own reading of the command line robson mcp gives it (checked again).</summary>
    public static McpSettings Parse(IReadOnlyList<string> args)
    {
        var options = new McpOptions();
        var command = new Command(ServerLauncher.ExecutableName) { options.ClientId, options.Agent };
        var parsed = command.Parse([.. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0) throw new UsageException(parsed.Errors[0].Message);
        return options.Read(parsed);
    }
}

/// <summary>An agent's name as audit events record it (from --agent or the MCP handshake): 1 to 64 letters, digits, '-', '_', '.', ' '.</summary>
public static class AgentName
{
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ') && name.Trim().Length > 0;
}
