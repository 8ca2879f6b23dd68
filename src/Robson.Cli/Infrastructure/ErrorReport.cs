using Robson.Cli.Rendering;

namespace Robson.Cli;

/// <summary>
/// Where a failure is reported: one line on stderr, or, under --json, one <c>{"error": {"code", "message"}}</c>
/// document on stdout, so that <c>robson … --json | jq</c> reads a document whatever happened. Exit codes do not change.
/// </summary>
public sealed class ErrorReport(CliIO io, bool json)
{
    public bool Json => json;

    public int Write(string code, string message, int exitCode)
    {
        if (json)
            Output.Json(io, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("error");
                w.WriteString("code", code);
                w.WriteString("message", message);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        else
            io.Err.WriteLine("robson: " + message);
        return exitCode;
    }

    /// <summary>Whether the command line asks for JSON: a <c>--json</c> token before any <c>--</c>.</summary>
    public static bool Requested(IReadOnlyList<string> args)
    {
        foreach (var arg in args)
        {
            if (arg == "--") return false;
            if (arg == "--json") return true;
        }
        return false;
    }
}
