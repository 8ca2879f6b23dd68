using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Robson.Cli;
using Robson.Cli.Commands.Serve;
using Robson.Core.Ports;

namespace Robson.Server.Api;

/// <summary>
/// One request through the gate: the token names the caller, the role table decides, the request becomes the CLI
/// command it stands for, which runs as the caller; its JSON document (or its coded error, as problem+json) is the answer.
/// Writes may carry an Idempotency-Key: the same key and body replay the stored answer, and never run twice.
/// </summary>
public sealed partial class RequestHandler(CommandCatalog catalog, CommandRunner runner, StoreGate gate, TimeProvider time, ServerMetrics metrics, CommandSlots slots,
    Microsoft.Extensions.Logging.ILogger<RequestHandler> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ExitCodeHeader = "Robson-Exit-Code";
    private const int MaxBody = 1 << 20;

    public async Task Handle(HttpContext http, ApiRoute route)
    {
        var requestId = RequestIds.Of(http);
        try
        {
            var body = await ReadBody(http.Request);
            Reply reply;
            string? replayed = null;
            // Requests beyond the server's concurrency wait here for a slot: each one running holds database connections.
            // The slot is held while the request is admitted and its command runs, not while its answer is written.
            await slots.WaitAsync(http.RequestAborted);
            try
            {
                var admission = Admit(http, route, body);
                if (admission.Replay is { } replay)
                {
                    replayed = "true";
                    reply = new Reply(replay.Status, replay.ContentType, replay.Body);
                }
                else
                {
                    reply = Run(http, route, admission.Invocation, admission.Caller, requestId);
                    if (admission.IdempotencyKey is { } key)
                        Remember(admission.Invocation.Tenant, key, reply, requestId);
                }
            }
            finally
            {
                slots.Release();
            }
            if (replayed is not null) http.Response.Headers["Idempotent-Replayed"] = replayed;
            await Write(http, reply);
        }
        catch (ProblemException e)
        {
            await WriteProblem(http, e.Problem, requestId);
        }
        catch (UsageException e)
        {
            await WriteProblem(http, Problem.Of(e.Code, e.Message), requestId);
        }
        catch (Robson.Storage.Sql.StoreUnavailableException e)
        {
            await WriteProblem(http, Problem.Of(ErrorCodes.StoreUnavailable, e.Message), requestId);
        }
        catch (System.Data.Common.DbException e)
        {
            await WriteProblem(http, Problem.Of(ErrorCodes.DatabaseError, $"database error: {e.Message.Split('\n')[0]}"), requestId);
        }
    }

    /// <summary>
    /// Keeps the answer for the key's replays; a server or venue failure (5xx) is not kept but forgotten, so a retry runs
    /// afresh (a plan is never sent LIVE twice whatever happens: SingleLiveExecution). Keeping it may fail too (the store
    /// went away): the caller still gets the answer, and the log says the key could not be kept.
    /// </summary>
    private void Remember(Robson.Core.Domain.ClientId tenant, string key, Reply reply, string requestId)
    {
        try
        {
            using var store = gate.Open();
            if (reply.Status >= 500) store.ForgetIdempotent(tenant, key);
            else store.CompleteIdempotent(tenant, key, reply.Status, reply.ContentType, reply.Body);
        }
        catch (Exception e) when (e is Robson.Storage.Sql.StoreUnavailableException or System.Data.Common.DbException)
        {
            IdempotencyNotKept(logger, requestId, e.Message.Split('\n')[0]);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error,
        Message = "request {RequestId}: its answer could not be kept for its Idempotency-Key ({Reason}); a retry with the key answers 409 until the key expires")]
    private static partial void IdempotencyNotKept(Microsoft.Extensions.Logging.ILogger logger, string requestId, string reason);

    /// <summary>What a request is let in as: its caller and command line, and its idempotency key, or the answer to replay.</summary>
    private sealed record Admission(Caller Caller, Invocation Invocation, string? IdempotencyKey, IdempotencyBegin.Replay? Replay);

    /// <summary>Authenticates, applies the role table, builds the command line and claims the idempotency key; the store is held only for that.</summary>
    private Admission Admit(HttpContext http, ApiRoute route, byte[] body)
    {
        using var store = gate.Open();
        var caller = StoreGate.Authenticate(store, http.Request.Headers.Authorization, time.GetUtcNow());
        http.Items[RequestIds.CallerKey] = caller;
        if (!RolePolicy.Allows(caller.Role, route.Capability))
            throw new ProblemException(Problem.Of(Problem.Forbidden, RolePolicy.Refusal(caller.Role, route.Capability)));

        var fields = route.Method is "GET" or "DELETE" ? RequestFields.FromQuery(http.Request.Query) : RequestFields.FromJson(body);
        var values = http.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString());
        var invocation = Invocation.Build(route, catalog, fields, values, caller);
        if (route.Escalation?.Invoke(fields) is { } needed && !RolePolicy.Allows(caller.Role, needed))
            throw new ProblemException(Problem.Of(Problem.Forbidden, RolePolicy.Refusal(caller.Role, needed)));

        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length == 0 || route.Method == "GET") return new Admission(caller, invocation, null, null);
        if (key.Length > 255 || key.Any(c => c is < '!' or > '~'))
            throw new UsageException($"{IdempotencyHeader} must be 1 to 255 visible ASCII characters");
        return store.BeginIdempotent(invocation.Tenant, key, RequestHash(http.Request, body), time.GetUtcNow()) switch
        {
            IdempotencyBegin.Replay replay => new Admission(caller, invocation, null, replay),
            IdempotencyBegin.Mismatch => throw new ProblemException(Problem.Of(Problem.IdempotencyKeyReused,
                $"{IdempotencyHeader} '{key}' was used with a different request in the last 24 hours: use a new key for a new request")),
            IdempotencyBegin.InProgress => throw new ProblemException(Problem.Of(Problem.IdempotencyInProgress,
                $"a request with {IdempotencyHeader} '{key}' is still running: retry once it has answered")),
            _ => new Admission(caller, invocation, key, null),
        };
    }

    private Reply Run(HttpContext http, ApiRoute route, Invocation invocation, Caller caller, string requestId)
    {
        var result = runner.Run(invocation, caller, $"{route.Method} {http.Request.Path}", requestId);
        http.Response.Headers[ExitCodeHeader] = result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        metrics.Observe(route, result);
        if (result.ErrorDocument() is { } error)
            return Reply.Refusal(Problem.Of(error.Code, error.Message), http, requestId);
        // Every failure comes as the CLI's coded document (JsonErrors); one without it would be a defect, said as such.
        if (result.ExitCode == ExitCodes.Usage || (invocation.Answer == Api.Answer.Export && result.ExitCode != ExitCodes.Success))
            return Reply.Refusal(Problem.Of(ErrorCodes.InternalError, "the command failed without its coded error: " + result.Error.Split('\n')[0]), http, requestId);
        if (invocation.Answer == Api.Answer.Export)
        {
            var csv = invocation.ExportFormat == "csv" || (invocation.ExportFormat is null && route.Command[0] == "fills");
            return new Reply(200, csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8", result.Output);
        }
        // Exit 1 with a document: a verdict (validation FAIL, execution BLOCKED), answered as the CLI prints it.
        return new Reply(result.ExitCode == ExitCodes.Success ? route.SuccessStatus : 200, "application/json; charset=utf-8", result.Output);
    }

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > MaxBody) throw new UsageException($"the body is larger than {MaxBody} bytes");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxBody) throw new UsageException($"the body is larger than {MaxBody} bytes");
        return buffer.ToArray();
    }

    /// <summary>What the same key must repeat: method, path, query and body, byte for byte.</summary>
    private static string RequestHash(HttpRequest request, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. body]));
    }

    private static Task Write(HttpContext http, Reply answer) => Write(http, answer.Status, answer.ContentType, answer.Body);

    private static async Task Write(HttpContext http, int status, string contentType, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        await http.Response.WriteAsync(body);
    }

    public static async Task WriteProblem(HttpContext http, Problem problem, string requestId)
    {
        http.Response.StatusCode = problem.Status;
        http.Response.ContentType = Problem.ContentType;
        if (problem.Status == 401) http.Response.Headers.WWWAuthenticate = "Bearer";
        await http.Response.Body.WriteAsync(problem.ToJson(http.Request.Path, requestId));
    }

    /// <summary>An answer as stored for idempotent replay: status, content type and body.</summary>
    private sealed record Reply(int Status, string ContentType, string Body)
    {
        public static Reply Refusal(Api.Problem problem, HttpContext http, string requestId) =>
            new(problem.Status, Api.Problem.ContentType, Encoding.UTF8.GetString(problem.ToJson(http.Request.Path, requestId)));
    }
}
