using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using CliRobson = Robson.Cli.Tests.Support.Robson;

namespace Robson.Server.Tests.Mcp;

/// <summary>
/// An MCP client as an agent's host runs one: the SDK's client over stdio against `robson mcp` started as its own
/// process through the CLI's entry point (which execs robson-server in its place), on the CLI harness's ROBSON_HOME.
/// </summary>
public sealed class AgentSession : IAsyncDisposable
{
    public McpClient Client { get; }

    private AgentSession(McpClient client) => Client = client;

    public static async Task<AgentSession> Start(CliRobson cli, string client = "1", string? agent = "desk-agent", string clientName = "test-host")
    {
        cli.Expect(0, "db", "migrate");
        var directory = AppContext.BaseDirectory;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "robson",
            Command = "dotnet",
            Arguments = [Path.Combine(directory, "robson.dll"), "mcp", "--client-id", client, .. agent is null ? Array.Empty<string>() : ["--agent", agent]],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["ROBSON_HOME"] = cli.Home, ["ROBSON_SERVER"] = Path.Combine(directory, "robson-server"), ["ROBSON_DATABASE_URL"] = null,
                ["ROBSON_CLIENT_ID"] = null,
            },
        });
        var mcp = await McpClient.CreateAsync(transport, new McpClientOptions { ClientInfo = new Implementation { Name = clientName, Version = "1.0" } });
        return new AgentSession(mcp);
    }

    /// <summary>Calls a tool; returns its structured result (the CLI's document, or {"error": …}) and whether it was an error.</summary>
    public async Task<(JsonElement Result, bool IsError)> Call(string tool, object? arguments = null)
    {
        var args = arguments is null ? new Dictionary<string, object?>()
            : JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        var result = await Client.CallToolAsync(tool, args);
        var text = ((TextContentBlock)result.Content.Single()).Text;
        var document = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(JsonSerializer.Serialize(document), JsonSerializer.Serialize(result.StructuredContent!.Value)); // the same document twice
        return (document, result.IsError == true);
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
