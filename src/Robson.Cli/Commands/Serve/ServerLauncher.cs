using System.Runtime.InteropServices;

namespace Robson.Cli.Commands.Serve;

/// <summary>
/// Starts the web server executable (<c>robson-server</c>, published beside <c>robson</c>) in place of this process:
/// the CLI's start-up never pays for the web stack, and the server keeps this process's id, so SIGTERM and Ctrl-C
/// reach it directly (graceful shutdown needs them).
/// </summary>
public static class ServerLauncher
{
    /// <summary>Names the server executable explicitly (an installation that keeps it elsewhere, and the tests).</summary>
    public const string ServerVariable = "ROBSON_SERVER";

    public const string ExecutableName = "robson-server";

    public static string Locate(Func<string, string?> environment)
    {
        if (environment(ServerVariable) is { Length: > 0 } named)
            return File.Exists(named) ? Path.GetFullPath(named) : throw new UsageException($"{ServerVariable} names '{named}', which does not exist");
        var places = new[] { Path.GetDirectoryName(Environment.ProcessPath), AppContext.BaseDirectory }
            .Where(d => !string.IsNullOrEmpty(d)).Select(d => Path.Combine(d!, ExecutableName)).Distinct().ToArray();
        return places.FirstOrDefault(File.Exists) ?? throw new UsageException(
            $"the server executable '{ExecutableName}' is not installed beside robson (looked in {string.Join(", ", places.Select(Path.GetDirectoryName))}): " +
            $"install it as the README says, or set {ServerVariable} to its path");
    }

    /// <summary>Replaces this process with the server; returns only if that failed (an exit code).</summary>
    public static int Exec(string path, IReadOnlyList<string> args, TextWriter err)
    {
        if (OperatingSystem.IsWindows())
        {
            using var child = System.Diagnostics.Process.Start(path, args);
            child.WaitForExit();
            return child.ExitCode;
        }
        var argv = new nint[args.Count + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(path);
        for (var i = 0; i < args.Count; i++) argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        var file = Marshal.StringToCoTaskMemUTF8(path);
        Console.Out.Flush();
        execv(file, argv);
        err.WriteLine($"robson: could not start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return ExitCodes.BlockedOrFailed;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int execv(nint path, nint[] argv);
}
