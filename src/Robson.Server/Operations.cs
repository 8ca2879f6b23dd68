using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Robson.Core.Access;
using Robson.Server.Api;

namespace Robson.Server;

/// <summary>
/// What operations look at: /healthz (the process answers), /readyz (the store opens and its schema is the one this
/// Robson knows), /metrics (Prometheus, for the operator role: it shows every tenant's counts) and /openapi/v1.json.
/// </summary>
public static partial class Operations
{
    public static void Map(WebApplication app)
    {
        var gate = app.Services.GetRequiredService<StoreGate>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var openApi = OpenApiDocument.Write(app.Services.GetRequiredService<CommandCatalog>());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Robson.Server.Readiness");

        app.MapGet("/healthz", (RequestDelegate)(http => Json(http, 200, w => w.WriteString("status", "ok"))));
        app.MapGet("/readyz", (RequestDelegate)(http =>
        {
            string? problem;
            try
            {
                var status = gate.Target.Status();
                problem = status.AppliedVersion == 0 ? "the store has no schema yet (robson db migrate, or any robson command on SQLite)"
                    : status.AppliedVersion != status.KnownVersion ? $"the store's schema is version {status.AppliedVersion}, this Robson knows {status.KnownVersion} (robson db migrate)"
                    : null;
            }
            catch (Exception e) when (e is Robson.Storage.Sql.StoreUnavailableException or System.Data.Common.DbException)
            {
                // Anyone may ask /readyz: the reason (paths, hosts, users) goes to the log, not to the caller.
                NotReady(logger, e.Message.Split('\n')[0]);
                problem = "the store cannot be opened (the server's log says why)";
            }
            return Json(http, problem is null ? 200 : 503, w =>
            {
                w.WriteString("status", problem is null ? "ready" : "not_ready");
                if (problem is not null) w.WriteString("reason", problem);
            });
        }));
        app.MapGet("/openapi/v1.json", (RequestDelegate)(http =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.Body.WriteAsync(openApi).AsTask();
        }));
        // The scrape shows every tenant's counts: the operator's token only.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (http, next) =>
        {
            try
            {
                using var store = gate.Open();
                var caller = StoreGate.Authenticate(store, http.Request.Headers.Authorization, time.GetUtcNow());
                if (caller.Role != Role.Operator)
                    throw new ProblemException(Problem.Of(Problem.Forbidden, $"role '{Roles.Name(caller.Role)}' may not read /metrics: that is the operator's"));
            }
            catch (ProblemException e)
            {
                await RequestHandler.WriteProblem(http, e.Problem, RequestIds.Of(http));
                return;
            }
            catch (Robson.Storage.Sql.StoreUnavailableException e)
            {
                await RequestHandler.WriteProblem(http, Problem.Of(Robson.Cli.ErrorCodes.StoreUnavailable, e.Message), RequestIds.Of(http));
                return;
            }
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "not ready: {Reason}")]
    private static partial void NotReady(ILogger logger, string reason);

    private static Task Json(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }
        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
