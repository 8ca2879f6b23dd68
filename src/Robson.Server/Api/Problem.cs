using System.Text.Json;
using Robson.Cli;

namespace Robson.Server.Api;

/// <summary>
/// An error answer: RFC 9457 <c>application/problem+json</c> carrying the CLI's error code (README "Error codes") in
/// <c>code</c>, so a script branches on the same names whether it runs <c>robson … --json</c> or calls the server.
/// </summary>
public sealed record Problem(int Status, string Code, string Detail)
{
    public const string ContentType = "application/problem+json";

    /// <summary>Codes only the server gives (the CLI has no tokens, roles or idempotency keys).</summary>
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string IdempotencyInProgress = "IDEMPOTENCY_IN_PROGRESS";
    public const string NotFoundRoute = "NOT_FOUND";

    /// <summary>The HTTP status of a CLI error code.</summary>
    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.NotFound => 404,
        ErrorCodes.AmbiguousId => 409,
        ErrorCodes.InvalidInput or ErrorCodes.UnknownOption or ErrorCodes.MissingArgument or ErrorCodes.UnknownCommand => 400,
        ErrorCodes.VenueConfiguration => 422,
        ErrorCodes.StoreUnavailable or ErrorCodes.VenueUnavailable => 503,
        Unauthorized => 401,
        Forbidden => 403,
        IdempotencyKeyReused => 422,
        IdempotencyInProgress => 409,
        _ => 500,
    };

    public static Problem Of(string code, string detail) => new(StatusOf(code), code, detail);

    public string Title => Status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Unprocessable Content",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    public byte[] ToJson(string instance, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "about:blank");
            w.WriteString("title", Title);
            w.WriteNumber("status", Status);
            w.WriteString("detail", Detail);
            w.WriteString("instance", instance);
            w.WriteString("code", Code);
            w.WriteString("request_id", requestId);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

/// <summary>A refusal decided by the server before any command runs (401, 403, 404 of another tenant, 409, 422).</summary>
public sealed class ProblemException(Problem problem) : Exception(problem.Detail)
{
    public Problem Problem { get; } = problem;
}
