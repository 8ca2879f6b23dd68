using System.Text.Json;
using Robson.Cli;
using Robson.Server.Api;

namespace Robson.Server.Dashboard;

/// <summary>What an API route answered the dashboard: its document, or the problem it refused with.</summary>
public sealed class ApiAnswer(JsonDocument? document, Problem? problem, int exitCode, string text) : IDisposable
{
    public JsonElement Json => document?.RootElement ?? throw new InvalidOperationException($"no document: {Problem?.Detail}");

    public Problem? Problem { get; } = problem;

    public int ExitCode { get; } = exitCode;

    /// <summary>The answer as the API sends it (an export's CSV or JSON lines, or the JSON document's text).</summary>
    public string Text { get; } = text;

    public bool Ok => Problem is null;

    public void Dispose() => document?.Dispose();
}

/// <summary>
/// The dashboard (and the MCP server) read and act through the HTTP API's own routes, run in process as the caller: the same
/// tenant rule, the same role table, the same commands and documents, and the same audit actor (the token's name and
/// role). What a page shows is what <c>GET /v1/…</c> answers.
/// </summary>
public sealed class DeskApi(CommandCatalog catalog, CommandRunner runner, CommandSlots slots, ServerMetrics metrics)
{
    private static readonly Dictionary<(string, string), ApiRoute> Routes = ApiRoutes.All.ToDictionary(r => (r.Method, r.Pattern));

    public ApiAnswer Get(Caller session, string pattern, string via, string requestId, IReadOnlyDictionary<string, string?>? values = null,
        IEnumerable<(string Name, string? Value)>? fields = null) =>
        Call(session, "GET", pattern, via, requestId, values, fields);

    public ApiAnswer Call(Caller session, string method, string pattern, string via, string requestId, IReadOnlyDictionary<string, string?>? values = null,
        IEnumerable<(string Name, string? Value)>? fields = null)
    {
        var route = Routes[(method, pattern)];
        if (!RolePolicy.Allows(session.Role, route.Capability))
            return Refused(Api.Problem.Of(Api.Problem.Forbidden, RolePolicy.Refusal(session.Role, route.Capability)));
        var request = new RequestFields();
        foreach (var (name, value) in fields ?? [])
            if (!string.IsNullOrWhiteSpace(value)) request.Set(name, value.Trim());
        Invocation invocation;
        try
        {
            invocation = Invocation.Build(route, catalog, request, values ?? new Dictionary<string, string?>(), session);
            if (route.Escalation?.Invoke(request) is { } needed && !RolePolicy.Allows(session.Role, needed))
                return Refused(Api.Problem.Of(Api.Problem.Forbidden, RolePolicy.Refusal(session.Role, needed)));
        }
        catch (ProblemException e)
        {
            return Refused(e.Problem);
        }
        catch (UsageException e)
        {
            return Refused(Api.Problem.Of(e.Code, e.Message));
        }
        CommandResult result;
        slots.Wait(CancellationToken.None); // the server's --concurrency holds for pages too
        try
        {
            result = runner.Run(invocation, session, via, requestId);
        }
        finally
        {
            slots.Release();
        }
        metrics.Observe(route, result);
        if (result.ErrorDocument() is { } error) return Refused(Api.Problem.Of(error.Code, error.Message));
        if (result.ExitCode == ExitCodes.Usage || (route.Answer == Api.Answer.Export && result.ExitCode != ExitCodes.Success))
            return Refused(Api.Problem.Of(ErrorCodes.InternalError, "the command failed: " + result.Error.Split('\n')[0]));
        if (route.Answer == Api.Answer.Export) return new ApiAnswer(null, null, result.ExitCode, result.Output);
        return new ApiAnswer(JsonDocument.Parse(result.Output), null, result.ExitCode, result.Output);
    }

    private static ApiAnswer Refused(Problem problem) => new(null, problem, ExitCodes.Usage, "");
}
