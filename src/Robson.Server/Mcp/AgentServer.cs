using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Robson.Cli;
using Robson.Core.Domain;
using Robson.Server.Api;
using Robson.Server.Dashboard;

namespace Robson.Server.Mcp;

/// <summary>
/// <c>robson mcp</c>: an MCP server over stdio for one tenant, through the official SDK's protocol layer (its
/// low-level handlers, so nothing is discovered by reflection and it publishes with Native AOT). The agent is named by
/// --agent or, failing that, by the client name the MCP handshake gives; it is the actor of every audit event a tool
/// causes, with the role <c>agent</c>. Results are the CLI's --json documents; refusals are
/// <c>{"error": {"code", "message"}}</c> with the CLI's codes.
/// </summary>
public sealed class AgentServer(ClientId tenant, string? agent, DeskApi api, CommandCatalog catalog)
{
    public const string Name = "robson";

    public McpServerOptions Options() => new()
    {
        ServerInfo = new Implementation { Name = Name, Version = CliContext.Version },
        ServerInstructions = "Robson turns trading intent into orders without accidents. You can plan, validate and rehearse (DRY-RUN) trades for " +
                             $"client {tenant}, and read its state; you cannot send a real order, change limits, policy, venues or the kill switch. " +
                             "Explain a refusal with the code tables in the resources robson://codes/validation and robson://codes/guards.",
        Capabilities = new ServerCapabilities { Tools = new ToolsCapability(), Resources = new ResourcesCapability() },
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult
            {
                Tools = [.. AgentTool.All.Select(t => new Tool { Name = t.Name, Description = t.Description, InputSchema = t.InputSchema(catalog) })],
            }),
            CallToolHandler = (context, _) => ValueTask.FromResult(Call(context.Params?.Name ?? "", context.Params?.Arguments, context.Server.ClientInfo?.Name)),
            ListResourcesHandler = (_, _) => ValueTask.FromResult(new ListResourcesResult
            {
                Resources = [.. CodeTables.All.Select(t => new Resource { Uri = t.Uri, Name = t.Name, Description = t.Description, MimeType = "text/markdown" })],
            }),
            ReadResourceHandler = (context, _) =>
            {
                var table = CodeTables.All.FirstOrDefault(t => t.Uri == context.Params?.Uri)
                            ?? throw new ModelContextProtocol.McpProtocolException($"no resource '{context.Params?.Uri}'", ModelContextProtocol.McpErrorCode.InvalidParams);
                return ValueTask.FromResult(new ReadResourceResult { Contents = [new TextResourceContents { Uri = table.Uri, MimeType = "text/markdown", Text = table.Text }] });
            },
        },
    };

    public CallToolResult Call(string name, IDictionary<string, JsonElement>? arguments, string? clientName)
    {
        var tool = AgentTool.Find(name);
        if (tool is null) return Refusal(ErrorCodes.UnknownCommand, $"no tool '{name}' (tools/list names them)");
        var who = agent ?? clientName;
        if (!AgentName.IsValid(who))
            return Refusal(ErrorCodes.InvalidInput, "an agent identity is required: start robson mcp with --agent NAME, or give a client name in the MCP handshake");

        var fields = new List<(string Name, string? Value)>();
        var values = new Dictionary<string, string?>();
        string? side = null;
        foreach (var (key, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (tool.Excluded.Contains(key) || key is "client_id" or "all_tenants")
                return Refusal(ErrorCodes.UnknownOption, $"'{key}' is not a field of {tool.Name}: an agent cannot send real orders or act for another tenant");
            if (key == tool.IdField) values[tool.IdField == "symbol" ? "symbol" : "id"] = Scalar(value);
            else if (key == "side" && tool.Calls.Any(c => c.Side is not null)) side = Scalar(value);
            else if (value.ValueKind == JsonValueKind.Array) fields.AddRange(value.EnumerateArray().Select(v => (key, (string?)Scalar(v))));
            else if (value.ValueKind != JsonValueKind.Null) fields.Add((key, Scalar(value)));
        }
        if (tool.IdField is not null && !values.ContainsKey(tool.IdField == "symbol" ? "symbol" : "id"))
            return Refusal(ErrorCodes.MissingArgument, $"{tool.IdField} is required");

        var caller = new Caller(tenant, who!, Robson.Core.Access.Role.Agent, "mcp");
        var requestId = "mcp-" + Convert.ToHexStringLower(Robson.Core.Hashing.SecureRandom.Bytes(6));
        var via = $"mcp {tool.Name}";
        var calls = tool.Calls;
        if (calls.Any(c => c.Side is not null))
        {
            var chosen = calls.FirstOrDefault(c => c.Side == side);
            if (chosen is null) return Refusal(ErrorCodes.MissingArgument, $"side must be {string.Join(", ", calls.Select(c => c.Side))}");
            if (side is "buy" or "sell") fields.Add(("side", side));
            calls = [chosen];
        }
        if (calls.Length == 1)
        {
            using var answer = api.Call(caller, calls[0].Method, calls[0].Pattern, via, requestId, values, fields);
            return answer.Problem is { } problem ? Refusal(problem.Code, problem.Detail) : Document(answer.Text);
        }
        using var combined = new MemoryStream();
        using (var json = new Utf8JsonWriter(combined, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var call in calls)
            {
                using var answer = api.Call(caller, call.Method, call.Pattern, via, requestId, values, fields.Where(f => Accepts(call, f.Name)));
                if (answer.Problem is { } problem) return Refusal(problem.Code, problem.Detail);
                json.WritePropertyName(call.Member!);
                answer.Json.WriteTo(json);
            }
            json.WriteEndObject();
        }
        return Document(System.Text.Encoding.UTF8.GetString(combined.ToArray()));
    }

    private bool Accepts(AgentTool.Call call, string field) => catalog.Shape(AgentTool.Route(call)).Options.ContainsKey(field);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static CallToolResult Document(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new CallToolResult { Content = [new TextContentBlock { Text = json }], StructuredContent = document.RootElement.Clone(), IsError = false };
    }

    private static CallToolResult Refusal(string code, string message)
    {
        var json = JsonSerializer.Serialize(new ErrorBody(new ErrorDetail(code, message)), AgentJsonContext.Default.ErrorBody);
        using var document = JsonDocument.Parse(json);
        return new CallToolResult { Content = [new TextContentBlock { Text = json }], StructuredContent = document.RootElement.Clone(), IsError = true };
    }
}

public sealed record ErrorDetail(string Code, string Message);
public sealed record ErrorBody(ErrorDetail Error);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ErrorBody))]
public sealed partial class AgentJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>An agent's name as audit events record it: 1 to 64 letters, digits, '-', '_', '.', ' '.</summary>
public static class AgentName
{
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ') && name.Trim().Length > 0;
}
