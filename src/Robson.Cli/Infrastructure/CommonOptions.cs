using System.CommandLine;

namespace Robson.Cli;

/// <summary>Options shared by many commands, so they read and validate the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> ClientId() => new("--client-id") { Description = "Tenant id (positive integer). Required." };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document (snake_case) instead of the human report." };
}
