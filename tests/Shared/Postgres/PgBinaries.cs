using System.Runtime.InteropServices;

namespace Robson.Tests.Shared.Postgres;

/// <summary>
/// Where <c>initdb</c> and <c>pg_ctl</c> are: on PATH, else in the newest <c>/usr/lib/postgresql/*/bin</c> (Debian installs
/// them there, off PATH). On a Debian machine run as root they are installed when missing (Debian's `postgresql`);
/// anywhere else missing binaries are an error naming the fix, so the tests that need them fail instead of skipping.
/// </summary>
internal sealed class PgBinaries
{
    private readonly string _directory;

    private PgBinaries(string directory) => _directory = directory;

    /// <summary>initdb and postgres refuse to run as root: the server then runs as the <c>postgres</c> system user.</summary>
    public static bool IsRoot => Environment.UserName == "root" || geteuid() == 0;

    public static PgBinaries Find()
    {
        var directory = Search() ?? (InstallWithApt() ? Search() : null);
        return directory is not null
            ? new PgBinaries(directory)
            : throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH nor under /usr/lib/postgresql/*/bin. " +
                "The PostgreSQL tests need them: run .ci/run, which installs them, or `apt-get install postgresql`.");
    }

    private static string? Search() => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Concat(DebianDirectories())
        .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));

    /// <summary>
    /// On a fresh Debian machine run as root (the README's test command on a new machine), installs Debian's PostgreSQL
    /// server package once, as .ci/run would; test processes running at once wait for each other on apt's lock.
    /// </summary>
    private static bool InstallWithApt()
    {
        if (!IsRoot || !File.Exists("/usr/bin/apt-get")) return false;
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh",
            ["-c", "apt-get -o DPkg::Lock::Timeout=900 update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq postgresql"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = System.Diagnostics.Process.Start(start)!;
        _ = apt.StandardOutput.ReadToEndAsync();
        _ = apt.StandardError.ReadToEndAsync();
        return apt.WaitForExit(TimeSpan.FromMinutes(15)) && apt.ExitCode == 0;
    }

    public string PgCtl => Path.Combine(_directory, "pg_ctl");

    public void Run(string program, IReadOnlyList<string> arguments, string? runAs, string what) =>
        PostgresServer.Run(Path.Combine(_directory, program), arguments, runAs, what);

    /// <summary>Newest version first (/usr/lib/postgresql/16/bin before 15/bin).</summary>
    private static IEnumerable<string> DebianDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"));
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
