using System.Text.Json;
using Robson.Cli;
using Robson.Core.Access;
using Robson.Core.Audit;

namespace Robson.Server.Api;

/// <summary>What a command answered: its exit code, its stdout (the JSON document or the export) and its stderr.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>The CLI's <c>{"error": {"code", "message"}}</c> document, when the command failed with one.</summary>
    public (string Code, string Message)? ErrorDocument()
    {
        if (ExitCode == ExitCodes.Success || !Output.TrimStart().StartsWith('{')) return null;
        try
        {
            using var document = JsonDocument.Parse(Output);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Runs a request's command in this process through the CLI's own entry point, as the caller: the token's name and role
/// (and the request's id) are the actor of every audit event it writes. The tenant variable of the server's
/// environment is never used: a request's tenant is its token's.
/// </summary>
public sealed class CommandRunner(ServerEnvironment environment, TimeProvider time, StoreGate gate)
{
    public CommandResult Run(Invocation invocation, Caller caller, string via, string requestId)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = CommandLineRedactor.Redact(invocation.Args) + $" (via {via}, request {requestId})";
        var io = new CliIO(output, error, environment.Get, false, time, caller.Name, environment.Host)
        {
            Actor = new AuditActor(caller.Name, environment.Host, command, CliContext.Version, Roles.Name(caller.Role)),
            Store = gate.Target,
            JsonErrors = true,
        };
        var code = CliApp.Run(invocation.Args, io);
        return new CommandResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>The server's environment as commands see it: the process's, without ROBSON_CLIENT_ID, without colour.</summary>
public sealed class ServerEnvironment(Func<string, string?> variables, string host)
{
    public string Host { get; } = host;

    public static ServerEnvironment FromProcess() => new(Environment.GetEnvironmentVariable, Environment.MachineName);

    public string? Get(string name) => name switch
    {
        CommonOptions.ClientIdVariable => null,
        "NO_COLOR" => "1",
        _ => variables(name),
    };
}
