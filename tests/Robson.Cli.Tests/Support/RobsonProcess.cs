using System.Diagnostics;

namespace Robson.Cli.Tests.Support;

/// <summary>Runs the built CLI as its own OS process (`dotnet robson.dll ...`) against a ROBSON_HOME.</summary>
public static class RobsonProcess
{
    public static string EntryAssembly => typeof(CliApp).Assembly.Location;

    public static CliRun Run(string home, params string[] args) => Run(home, new Dictionary<string, string>(), args);

    public static CliRun Run(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(home, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"robson {string.Join(' ', args)} did not finish");
        }
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Starts the CLI and returns the running process (a crash test kills it). With ROBSON_TEST_BINARY set (CI sets
    /// it to the Native AOT build) that binary runs instead of `dotnet robson.dll`.
    /// </summary>
    public static Process Start(string home, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var binary = Environment.GetEnvironmentVariable("ROBSON_TEST_BINARY");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(binary) ? "dotnet" : binary)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(binary)) start.ArgumentList.Add(EntryAssembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ROBSON_HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
