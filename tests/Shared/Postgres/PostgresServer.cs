using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Robson.Tests.Shared.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on 127.0.0.1 and a
/// free port (its unix socket inside that folder too), durability switched off for speed. One per test process
/// (<see cref="Shared"/>, started on first use); stopped and deleted when the process exits, and a server whose test process
/// was killed is swept by the next run. Each test takes a fresh database from <see cref="CreateDatabase"/>.
/// The binaries must be installed (apt package <c>postgresql</c>; <c>.ci/run</c> installs it): a missing server fails the
/// tests that need it, it never skips them.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>Prefix of the temporary folders; a folder whose owning test process is gone is an orphan to sweep.</summary>
    private const string FolderPrefix = "robson-pg-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<PostgresServer> LazyShared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    private readonly PgBinaries _binaries;
    private readonly string _dataDir;
    private readonly string _folder;
    private bool _stopped;

    private PostgresServer(PgBinaries binaries, string folder, string dataDir, int port, string user)
    {
        _binaries = binaries;
        _folder = folder;
        _dataDir = dataDir;
        Port = port;
        User = user;
    }

    /// <summary>The server of this test process, started on first use (a few seconds), stopped when the process exits.</summary>
    public static PostgresServer Shared => LazyShared.Value;

    public int Port { get; }

    /// <summary>The superuser initdb created (the OS user the server runs as); trusted on 127.0.0.1, no password.</summary>
    public string User { get; }

    /// <summary>
    /// Creates a database and returns its URL, <c>postgresql://USER@127.0.0.1:PORT/robson_test_N</c>: what
    /// <c>ROBSON_DATABASE_URL</c> takes. Empty, or a copy of <paramref name="template"/> (from <see cref="CreateTemplate"/>).
    /// </summary>
    public string CreateDatabase(string? template = null)
    {
        var name = NextName("robson_test_");
        // FILE_COPY: a plain copy of the (small) template, about twice as fast here as the default WAL_LOG strategy.
        Execute($"CREATE DATABASE {name} TEMPLATE {template ?? "template1"} STRATEGY FILE_COPY");
        return UrlOf(name);
    }

    /// <summary>
    /// Creates a database, lets <paramref name="prepare"/> fill it through its URL (e.g. migrate a schema once per run),
    /// then closes it to connections so that <see cref="CreateDatabase"/> can copy it in a tenth of a second. Returns its name.
    /// </summary>
    public string CreateTemplate(Action<string> prepare)
    {
        var name = NextName("robson_template_");
        Execute($"CREATE DATABASE {name} STRATEGY FILE_COPY");
        prepare(UrlOf(name));
        // A database being copied may have no session open on it: end any left behind and let none in again.
        Execute($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true");
        Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        return name;
    }

    /// <summary>
    /// Creates an ordinary login role (no superuser, no BYPASSRLS: row-level security applies to it) and an empty database it
    /// owns, and returns that database's URL as the role: how an operator sets Robson up on a shared server.
    /// </summary>
    public string CreateDatabaseOwnedBy(string role)
    {
        var name = NextName("robson_owned_");
        Execute($"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$");
        Execute($"CREATE DATABASE {name} OWNER {role} STRATEGY FILE_COPY");
        return $"postgresql://{role}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{name}";
    }

    private static string NextName(string prefix) => prefix + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);

    private string UrlOf(string database) => $"postgresql://{User}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>An Npgsql connection string for one database of this server (no pooling: tests open few connections each).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        Pooling = false,
    }.ConnectionString;

    /// <summary>The database name at the end of a URL from <see cref="CreateDatabase"/>.</summary>
    public static string DatabaseOf(string url) => new Uri(url).AbsolutePath.TrimStart('/');

    /// <summary>Stops the server at once (its data is thrown away, so no clean shutdown is needed) and deletes its folder.</summary>
    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        StopAndDelete(_binaries, _folder, _dataDir);
    }

    private static PostgresServer StartShared()
    {
        var server = Start();
        // Not a ProcessExit handler: the test platform kills its test host while those still run (seen: pg_ctl stop was
        // cut off, the folder stayed). A watchdog process outlives the host, however it ends (also when killed).
        server.WatchOver(Environment.ProcessId);
        return server;
    }

    /// <summary>
    /// Starts a detached watchdog (its own session, so it is not killed with the test host) that waits until process
    /// <paramref name="hostPid"/> is gone, then stops this server and deletes its folder.
    /// </summary>
    private void WatchOver(int hostPid)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            if [ -n "$5" ]; then runuser -u "$5" -- "$2" -D "$3" -m immediate -w -t 20 stop; else "$2" -D "$3" -m immediate -w -t 20 stop; fi
            rm -rf "$4"
            """;
        Run("setsid", ["-f", "sh", "-c", script, "robson-pg-watchdog", hostPid.ToString(CultureInfo.InvariantCulture),
            _binaries.PgCtl, _dataDir, _folder, PgBinaries.IsRoot ? "postgres" : ""], null, "starting the server's watchdog");
    }

    /// <summary>Starts a new server; retried on another port when the free port found was taken in between.</summary>
    public static PostgresServer Start()
    {
        var binaries = PgBinaries.Find();
        SweepOrphans(binaries);
        var runAs = PgBinaries.IsRoot ? "postgres" : null; // initdb and postgres refuse to run as root
        var user = runAs ?? Environment.UserName;

        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var dataDir = Path.Combine(folder, "data");
        var socketDir = Path.Combine(folder, "socket");
        Directory.CreateDirectory(socketDir);
        try
        {
            if (runAs is not null)
                Run("chown", ["-R", runAs + ":", folder], null, "giving the temporary folder to the postgres user");

            binaries.Run("initdb", ["-D", dataDir, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                runAs, "initdb");

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                // Only 127.0.0.1, no TCP anywhere else; durability off: the data is thrown away after the run.
                File.WriteAllText(Path.Combine(dataDir, "postgresql.auto.conf"), string.Join('\n',
                    "listen_addresses = '127.0.0.1'",
                    $"port = {port.ToString(CultureInfo.InvariantCulture)}",
                    $"unix_socket_directories = '{socketDir}'",
                    "fsync = off", "synchronous_commit = off", "full_page_writes = off",
                    "max_connections = 200", "shared_buffers = 32MB") + "\n");
                if (runAs is not null)
                    Run("chown", [runAs + ":", Path.Combine(dataDir, "postgresql.auto.conf")], null, "chown postgresql.auto.conf");
                try
                {
                    binaries.Run("pg_ctl", ["-D", dataDir, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], runAs, "pg_ctl start");
                    return new PostgresServer(binaries, folder, dataDir, port, user);
                }
                catch (InvalidOperationException) when (attempt < 3 && ServerLog(folder).Contains("could not bind", StringComparison.Ordinal))
                {
                    // Another process took the port between FreePort and the bind: try another.
                }
            }
        }
        catch (InvalidOperationException e)
        {
            var log = ServerLog(folder);
            StopAndDelete(binaries, folder, dataDir);
            throw new InvalidOperationException(e.Message + (log.Length == 0 ? "" : "\nserver log:\n" + log), e);
        }
    }

    private static string ServerLog(string folder)
    {
        try { return File.ReadAllText(Path.Combine(folder, "server.log")); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    /// <summary>A port nobody listens on now: the OS picks one for a listener on 127.0.0.1, which is closed again.</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>Servers left by test processes that died without their exit handler (killed): stopped and deleted.</summary>
    private static void SweepOrphans(PgBinaries binaries)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!int.TryParse(ReadOrEmpty(Path.Combine(folder, OwnerFile)), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || ProcessIsAlive(owner))
                continue;
            StopAndDelete(binaries, folder, Path.Combine(folder, "data"));
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void StopAndDelete(PgBinaries binaries, string folder, string dataDir)
    {
        if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
        {
            try { binaries.Run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "-t", "20", "stop"], PgBinaries.IsRoot ? "postgres" : null, "pg_ctl stop"); }
            catch (InvalidOperationException) { } // already stopped: its folder is deleted all the same
        }
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs a program, throwing with its output when it fails.</summary>
    internal static void Run(string program, IReadOnlyList<string> arguments, string? runAs, string what)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
            foreach (var a in new[] { "-u", runAs, "--", program }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{what}: could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{what}: {program} did not finish within 120 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed (exit {process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}".Trim());
    }
}
