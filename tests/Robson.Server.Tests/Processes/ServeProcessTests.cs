using System.Net;
using Robson.Cli;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Processes;

/// <summary>
/// `robson serve` as a user runs it: the CLI starts the server executable in its own place (the same process, so
/// SIGTERM reaches the server), which answers on loopback and stops cleanly on SIGTERM.
/// </summary>
public sealed class ServeProcessTests : IDisposable
{
    private readonly Robson.Cli.Tests.Support.Robson _cli = new();

    [Fact]
    public async Task RobsonServe_AnswersOnLoopback_AndStopsOnSigterm()
    {
        _cli.Expect(0, "db", "migrate");
        using var server = await ServerProcess.Start(_cli.Home, new Dictionary<string, string>(), viaCli: true);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.GetAsync("/v1/report")).StatusCode);
        Assert.Equal(0, server.Terminate(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void TheServerExecutable_StartedDirectly_RefusesClearTextBeyondLoopback()
    {
        using var process = ServerProcess.Launch(_cli.Home, new Dictionary<string, string>(), ["--urls", "http://0.0.0.0:9"], server: true);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Contains("clear text", process.StandardError.ReadToEnd());
    }

    public void Dispose() => _cli.Dispose();
}
