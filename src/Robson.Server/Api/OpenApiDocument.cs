using System.CommandLine;
using System.Text.Json;

namespace Robson.Server.Api;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json, written from the route table and the CLI's own commands (their
/// descriptions, arguments and options), so it describes exactly what the server accepts.
/// </summary>
public static class OpenApiDocument
{
    private static readonly (int Status, string Why)[] Problems =
    [
        (400, "Bad input (INVALID_INPUT, UNKNOWN_OPTION, MISSING_ARGUMENT)"),
        (401, "No valid token (UNAUTHORIZED)"),
        (403, "The token's role may not do this (FORBIDDEN)"),
        (404, "Not found for this tenant, or another tenant's (NOT_FOUND)"),
        (409, "An idempotency key still in flight, or an ambiguous id"),
        (422, "An idempotency key reused with another request, or an unusable venue configuration"),
    ];

    public static byte[] Write(CommandCatalog catalog)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("openapi", "3.1.0");
            w.WriteStartObject("info");
            w.WriteString("title", "Robson");
            w.WriteString("version", Robson.Cli.CliContext.Version);
            w.WriteString("description",
                "Plan, validate and execute (DRY-RUN by default) over HTTP. Bodies are JSON objects whose fields are the CLI's long option " +
                "names in snake_case; answers are the CLI's --json documents; errors are application/problem+json with the CLI's error codes.");
            w.WriteEndObject();
            w.WriteStartArray("security");
            w.WriteStartObject();
            w.WriteStartArray("bearer");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("paths");
            foreach (var group in ApiRoutes.All.GroupBy(r => r.Pattern))
            {
                w.WriteStartObject(group.Key);
                foreach (var route in group) Operation(w, route, catalog);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            Components(w);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Operation(Utf8JsonWriter w, ApiRoute route, CommandCatalog catalog)
    {
        var shapes = catalog.Shapes(route).ToArray();
        var shape = shapes[0];
        w.WriteStartObject(route.Method.ToLowerInvariant());
        w.WriteString("operationId", OperationId(route));
        w.WriteString("summary", route.Summary);
        w.WriteString("description", $"`robson {string.Join(' ', route.Subcommand is null ? shape.Path : route.Command)}`: {shape.Description} " +
                                     $"Role capability: {route.Capability}.");
        w.WriteStartArray("tags");
        w.WriteStringValue(route.Pattern.Split('/')[2]);
        w.WriteEndArray();
        w.WriteStartArray("parameters");
        foreach (var name in route.RouteParameters)
            Parameter(w, name, "path", true, "string", shape.Arguments[Array.IndexOf(route.RouteParameters, name)].Description);
        if (route.Method is "GET" or "DELETE")
            foreach (var (name, option) in shape.Options)
                Parameter(w, name, "query", option.Required, Type(option), option.Description);
        Parameter(w, RequestIds.Header, "header", false, "string", "Correlation id, echoed and recorded in the audit events.");
        if (route.Method is not "GET")
            Parameter(w, RequestHandler.IdempotencyHeader, "header", false, "string",
                "The same key and request within 24 hours answer the stored answer and never run twice; another request under it is refused (422).");
        w.WriteEndArray();
        if (route.Method is "POST" or "PATCH")
        {
            w.WriteStartObject("requestBody");
            w.WriteStartObject("content");
            w.WriteStartObject("application/json");
            w.WriteStartObject("schema");
            Body(w, route, shapes);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteStartObject("responses");
        w.WriteStartObject(route.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("description", route.Answer == Answer.Export ? "The export (CSV or JSON lines)" : $"The document of `robson {string.Join(' ', shape.Path)} --json`");
        w.WriteStartObject("content");
        w.WriteStartObject(route.Answer == Answer.Export ? "text/plain" : "application/json");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        foreach (var (status, why) in Problems)
        {
            w.WriteStartObject(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("description", why);
            w.WriteStartObject("content");
            w.WriteStartObject(Problem.ContentType);
            w.WriteStartObject("schema");
            w.WriteString("$ref", "#/components/schemas/Problem");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Body(Utf8JsonWriter w, ApiRoute route, CommandShape[] shapes)
    {
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        var required = new List<string>();
        w.WriteStartObject("properties");
        var written = new HashSet<string>();
        if (route.Subcommand is { } sub)
        {
            written.Add(sub.Field);
            required.Add(sub.Field);
            w.WriteStartObject(sub.Field);
            w.WriteString("type", "string");
            w.WriteStartArray("enum");
            foreach (var value in sub.Values) w.WriteStringValue(value);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (route.Translate is not null)
        {
            written.Add("mode");
            w.WriteStartObject("mode");
            w.WriteString("type", "string");
            w.WriteString("description", "dry_run (the default: a simulation that changes nothing) or live (needs acknowledge_risk: true and the trader role).");
            w.WriteStartArray("enum");
            w.WriteStringValue("dry_run");
            w.WriteStringValue("live");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        foreach (var shape in shapes)
        {
            foreach (var argument in shape.Arguments.Skip(route.RouteParameters.Length))
            {
                var name = CommandShape.FieldName(argument);
                if (!written.Add(name)) continue;
                if (argument.Arity.MinimumNumberOfValues > 0) required.Add(name);
                Property(w, name, "string", argument.Description);
            }
            foreach (var (name, option) in shape.Options)
            {
                if (!written.Add(name)) continue;
                if (option.Required) required.Add(name);
                Property(w, name, Type(option), option.Description);
            }
        }
        w.WriteEndObject();
        w.WriteStartArray("required");
        foreach (var name in required.Distinct()) w.WriteStringValue(name);
        w.WriteEndArray();
    }

    private static void Components(Utf8JsonWriter w)
    {
        w.WriteStartObject("components");
        w.WriteStartObject("securitySchemes");
        w.WriteStartObject("bearer");
        w.WriteString("type", "http");
        w.WriteString("scheme", "bearer");
        w.WriteString("description", "A token from `robson token create --client-id N --role ROLE`: its tenant and role decide what the request may do.");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("schemas");
        w.WriteStartObject("Problem");
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        foreach (var (name, type) in new[] { ("type", "string"), ("title", "string"), ("status", "integer"), ("detail", "string"), ("instance", "string"), ("code", "string"), ("request_id", "string") })
            Property(w, name, type, name == "code" ? "The CLI's error code (README \"Error codes\"), e.g. NOT_FOUND." : null);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Parameter(Utf8JsonWriter w, string name, string where, bool required, string type, string? description)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("in", where);
        w.WriteBoolean("required", required || where == "path");
        if (description is not null) w.WriteString("description", description);
        w.WriteStartObject("schema");
        w.WriteString("type", type);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Property(Utf8JsonWriter w, string name, string type, string? description)
    {
        w.WriteStartObject(name);
        w.WriteString("type", type);
        if (description is not null) w.WriteString("description", description);
        w.WriteEndObject();
    }

    private static string Type(Option option) => option.ValueType == typeof(bool) ? "boolean" : "string";

    private static string OperationId(ApiRoute route) =>
        route.Method.ToLowerInvariant() + string.Concat(route.Pattern.Split('/', '-').Skip(2).Where(p => p.Length > 0)
            .Select(p => p.StartsWith('{') ? "By" + char.ToUpperInvariant(p[1]) + p[2..^1] : char.ToUpperInvariant(p[0]) + p[1..]));
}
