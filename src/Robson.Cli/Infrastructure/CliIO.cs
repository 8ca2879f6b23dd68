namespace Robson.Cli;

/// <summary>
/// Everything the CLI takes from its process: streams, environment, clock, identity. Tests build one with
/// their own writers, environment and clock and call <see cref="CliApp.Run"/>: the real entry point.
/// </summary>
public sealed record CliIO(
    TextWriter Out,
    TextWriter Err,
    Func<string, string?> GetEnvironmentVariable,
    bool OutputIsTerminal,
    TimeProvider Time,
    string User,
    string Host)
{
    /// <summary>
    /// Who acts, when it is not the OS user at this command line: <c>robson serve</c> runs each request as the command it
    /// stands for, in process, with the token's name and role (and the request's id) as the actor of its audit events.
    /// </summary>
    public Robson.Core.Audit.AuditActor? Actor { get; init; }

    /// <summary>
    /// Failures as the JSON error document on stdout even without --json: <c>robson serve</c> runs exports (whose answer is
    /// the file itself, not a --json document) and still needs their error codes.
    /// </summary>
    public bool JsonErrors { get; init; }

    /// <summary>The store to use instead of choosing one from the environment: <c>robson serve</c> gives its pooled one.</summary>
    public Robson.Storage.StoreTarget? Store { get; init; }

    public static CliIO FromProcess()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return new CliIO(stdout, stderr, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected,
            TimeProvider.System, Environment.UserName, Environment.MachineName);
    }

    /// <summary>Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb.</summary>
    public bool UseColour => OutputIsTerminal
                             && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"))
                             && GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>ROBSON_HOME, or ~/.robson.</summary>
    public string RobsonHome
    {
        get
        {
            var home = GetEnvironmentVariable("ROBSON_HOME");
            if (!string.IsNullOrWhiteSpace(home)) return Path.GetFullPath(home);
            var user = GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(user)) user = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(user, ".robson");
        }
    }
}
