using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Robson.Core.Access;
using Robson.Server.Api;

namespace Robson.Server;

/// <summary>
/// One structured log line per request: method, path, status, duration, the request id (also in the audit events the
/// request causes) and who called (the token's name and role). Never a header, a body, a query string or a token.
/// </summary>
public static partial class RequestLog
{
    public static async Task Middleware(HttpContext http, RequestDelegate next)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Robson.Server.Requests");
        var requestId = RequestIds.Of(http);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var caller = http.Items[RequestIds.CallerKey] as Caller;
            Completed(logger, http.Request.Method, http.Request.Path.Value ?? "", http.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId, caller?.Name, caller is null ? null : Roles.Name(caller.Role),
                caller?.Tenant.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {DurationMs:0.0} ms request {RequestId} by {Caller} ({Role}) of client {ClientId}")]
    private static partial void Completed(ILogger logger, string method, string path, int status, double durationMs, string requestId, string? caller, string? role, long? clientId);
}
