using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Robson.Cli;

namespace Robson.Server.Tests.Process;

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
        var port = FreePort();
        using var process = Start(["serve", "--urls", $"http://127.0.0.1:{port}"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilHealthy(http, process);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/report")).StatusCode);

        Assert.Equal(0, kill(process.Id, 15)); // SIGTERM to the pid robson was started as: the server now
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the server did not stop on SIGTERM");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void TheServerExecutable_StartedDirectly_RefusesClearTextBeyondLoopback()
    {
        using var process = Start(["--urls", "http://0.0.0.0:9"], server: true);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Contains("clear text", process.StandardError.ReadToEnd());
    }

    private System.Diagnostics.Process Start(string[] args, bool server = false)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(directory, server ? "robson-server.dll" : "robson.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ROBSON_HOME"] = _cli.Home;
        start.Environment["ROBSON_SERVER"] = Path.Combine(directory, "robson-server");
        start.Environment.Remove("ROBSON_DATABASE_URL");
        return System.Diagnostics.Process.Start(start)!;
    }

    private static async Task WaitUntilHealthy(HttpClient http, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) Assert.Fail($"the server exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail("the server did not answer /healthz within 60 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    public void Dispose() => _cli.Dispose();
}
