using Robson.Cli;

// `robson --version` alone answers before anything is built: the same line System.CommandLine prints (the entry
// assembly's informational version), without constructing the command tree or the process's I/O.
if (args is ["--version"])
{
    var version = BuildInfo.InformationalVersion; // what System.CommandLine prints: the assembly's informational version
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(System.Text.Encoding.UTF8.GetBytes(version + "\n"));
    return 0;
}

return CliApp.Run(args, CliIO.FromProcess());
