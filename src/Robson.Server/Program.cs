using Robson.Cli;
using Robson.Cli.Commands.Serve;
using Robson.Server;
using Robson.Server.Api;

// `robson serve` starts this executable with the options it checked; started directly, it checks them again: it never
// listens beyond this machine in clear text unless told to.
// `robson mcp` starts this executable in its mcp mode: the agent's tools over stdio.
if (args.Length > 0 && args[0] == "mcp") return await Robson.Server.Mcp.McpStdio.Run(args[1..]);

ServeSettings settings;
try
{
    settings = ServeCommand.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine("robson serve: " + e.Message);
    return ExitCodes.Usage;
}

var app = ServerApp.Create(settings, ServerEnvironment.FromProcess());
await app.RunAsync();
return ExitCodes.Success;
