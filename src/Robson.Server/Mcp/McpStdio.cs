using ModelContextProtocol.Server;
using Robson.Cli;
using Robson.Cli.Commands.Mcp;
using Robson.Server.Api;
using Robson.Server.Dashboard;

namespace Robson.Server.Mcp;

/// <summary>robson-server's <c>mcp</c> mode, which <c>robson mcp</c> starts in its place: the agent's tools over stdin/stdout.</summary>
public static class McpStdio
{
    public static async Task<int> Run(string[] args)
    {
        McpSettings settings;
        try
        {
            settings = McpCommand.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("robson mcp: " + e.Message);
            return ExitCodes.Usage;
        }
        var environment = ServerEnvironment.FromProcess();
        var time = TimeProvider.System;
        StoreGate gate;
        try
        {
            gate = new StoreGate(environment, time);
        }
        catch (Robson.Storage.Sql.StoreUnavailableException e)
        {
            Console.Error.WriteLine("robson mcp: " + e.Message.Split('\n')[0]);
            return ExitCodes.Usage;
        }
        using var _ = gate;
        using var metrics = new ServerMetrics(gate, time);
        var catalog = new CommandCatalog();
        var api = new DeskApi(catalog, new CommandRunner(environment, time, gate), new CommandSlots(1), metrics);
        var agent = new AgentServer(settings.Tenant, settings.Agent, api, catalog);
        await using var server = McpServer.Create(new StdioServerTransport(AgentServer.Name), agent.Options());
        await server.RunAsync();
        return ExitCodes.Success;
    }
}
