using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Robson.Server.Tests.Support;

/// <summary>The built server (or `robson serve`) as an OS process of its own, on a free loopback port.</summary>
public sealed class ServerProcess : IDisposable
{
    public Process Process { get; }
    public HttpClient Http { get; }
    public int Port { get; }

    private ServerProcess(Process process, int port)
    {
        Process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>Starts `robson serve` (<paramref name="viaCli"/>) or robson-server directly, and waits for /healthz.</summary>
    public static async Task<ServerProcess> Start(string home, IReadOnlyDictionary<string, string> environment, bool viaCli = false, params string[] options)
    {
        var port = FreePort();
        string[] args = [.. viaCli ? ["serve"] : Array.Empty<string>(), "--urls", $"http://127.0.0.1:{port}", .. options];
        var server = new ServerProcess(Launch(home, environment, args, !viaCli), port);
        await server.WaitUntilHealthy();
        return server;
    }

    public static Process Launch(string home, IReadOnlyDictionary<string, string> environment, string[] args, bool server)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(directory, server ? "robson-server.dll" : "robson.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ROBSON_HOME"] = home;
        start.Environment["ROBSON_SERVER"] = Path.Combine(directory, "robson-server");
        start.Environment.Remove("ROBSON_DATABASE_URL");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    private async Task WaitUntilHealthy()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited) Assert.Fail($"the server exited with {Process.ExitCode}: {await Process.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await Http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail("the server did not answer /healthz within 60 s");
    }

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code once it has stopped.</summary>
    public int Terminate(TimeSpan within)
    {
        Assert.Equal(0, kill(Process.Id, 15));
        Assert.True(Process.WaitForExit(within), "the server did not stop on SIGTERM");
        return Process.ExitCode;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    public void Dispose()
    {
        Http.Dispose();
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
