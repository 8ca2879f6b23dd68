using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Robson.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, /usr/bin/chromium): on PATH, or installed with apt-get once when the
/// tests run as root on a Debian machine that lacks it, as .ci/run would. Playwright's own browser download is never
/// used (it needs the internet). Without Chromium the tests fail, saying how to get it; they never skip.
/// </summary>
public static class ChromiumBinary
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    private static string Find()
    {
        if (Search() is { } path) return path;
        if (InstallWithApt() && Search() is { } installed) return installed;
        throw new InvalidOperationException(
            "Chromium was not found (/usr/bin/chromium or chromium on PATH). The browser tests need Debian's chromium package: " +
            "run .ci/run, which installs it, or `apt-get install chromium`.");
    }

    private static string? Search() => new[] { "/usr/bin/chromium" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => new[] { System.IO.Path.Combine(d, "chromium"), System.IO.Path.Combine(d, "chromium-browser") }))
        .FirstOrDefault(File.Exists);

    private static bool InstallWithApt()
    {
        if (!File.Exists("/usr/bin/apt-get") || geteuid() != 0) return false;
        // Several test processes may get here at once: each waits for apt's lock.
        var start = new ProcessStartInfo("/bin/sh",
            ["-c", "apt-get -o DPkg::Lock::Timeout=900 update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq chromium"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start)!;
        _ = apt.StandardOutput.ReadToEndAsync();
        _ = apt.StandardError.ReadToEndAsync();
        return apt.WaitForExit(TimeSpan.FromMinutes(15)) && apt.ExitCode == 0;
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
