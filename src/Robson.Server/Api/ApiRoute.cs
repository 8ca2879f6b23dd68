namespace Robson.Server.Api;

/// <summary>How a route answers.</summary>
public enum Answer
{
    /// <summary>The command's --json document (200, or <see cref="ApiRoute.SuccessStatus"/>).</summary>
    Document,

    /// <summary>A file as the command writes it to stdout (CSV or JSON lines): an export.</summary>
    Export,
}

/// <summary>
/// One HTTP route and the CLI command it stands for. Route values fill the command's first arguments in order; the
/// other arguments and every option come from the JSON body (POST, PATCH) or the query string (GET, DELETE), named as
/// the CLI's long options in snake_case (<c>stop_loss</c> is <c>--stop-loss</c>, <c>symbol</c> is SYMBOL).
/// </summary>
public sealed record ApiRoute(string Method, string Pattern, string[] Command, Capability Capability, string Summary)
{
    /// <summary>A body field whose value names the subcommand (<c>side</c>: buy or sell of <c>plan</c>), with its values.</summary>
    public (string Field, string[] Values)? Subcommand { get; init; }

    /// <summary>Status of a successful answer (201 when the request created something).</summary>
    public int SuccessStatus { get; init; } = 200;

    public Answer Answer { get; init; } = Answer.Document;

    /// <summary>Options of the command not offered over HTTP (they name files on the server, or are spelled otherwise here).</summary>
    public string[] Hidden { get; init; } = [];

    /// <summary>Turns fields spelled the HTTP way into the command's (execute's <c>mode</c> into <c>--live</c>); throws <see cref="Robson.Cli.UsageException"/> on a bad value.</summary>
    public Action<RequestFields>? Translate { get; init; }

    /// <summary>Extra capability the translated request needs (execute LIVE needs <see cref="Capability.TradeLive"/>).</summary>
    public Func<RequestFields, Capability?>? Escalation { get; init; }

    /// <summary>Whether the operator may name another tenant or every tenant (read routes).</summary>
    public bool IsRead => Capability is Capability.Read or Capability.ReadAudit;

    public string[] RouteParameters { get; } = System.Text.RegularExpressions.Regex.Matches(Pattern, "\\{([a-z_]+)\\}").Select(m => m.Groups[1].Value).ToArray();
}
