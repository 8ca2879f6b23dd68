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

    /// <summary>A tool call; whatever goes wrong, the agent gets the coded error document, never an exception's text.</summary>
    public CallToolResult Call(string name, IDictionary<string, JsonElement>? arguments, string? clientName)
    {
        try
        {
            return Run(name, arguments, clientName);
        }
        catch (Exception e) when (e is Robson.Storage.Sql.StoreUnavailableException or System.Data.Common.DbException)
        {
            return Refusal(ErrorCodes.StoreUnavailable, "the store cannot be used right now; ask the person who runs Robson"); // no paths for the model
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Refusal(ErrorCodes.InternalError, "the tool failed; ask the person who runs Robson to look at its log");
        }
    }

    private CallToolResult Run(string name, IDictionary<string, JsonElement>? arguments, string? clientName)
    {
        var tool = AgentTool.Find(name);
        if (tool is null) return Refusal(ErrorCodes.UnknownCommand, $"no tool '{name}' (tools/list names them)");
        var who = agent ?? clientName;
        if (!Robson.Cli.Commands.Mcp.AgentName.IsValid(who))
            return Refusal(ErrorCodes.InvalidInput, "an agent identity is required: start robson mcp with --agent NAME, or give a client name in the MCP handshake");

        var fields = new List<(string Name, string? Value)>();
        var values = new Dictionary<string, string?>();
        string? side = null;
        var accepted = tool.Fields(catalog);
        foreach (var (key, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (!accepted.Contains(key))
                return Refusal(ErrorCodes.UnknownOption, $"'{key}' is not a field of {tool.Name} (fields: {string.Join(", ", accepted.Order())})");
            if (value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                return Refusal(ErrorCodes.InvalidInput, $"'{key}' must be a string, number or boolean");
            if (key == tool.IdField) values[tool.IdField == "symbol" ? "symbol" : "id"] = Scalar(value);
            else if (key == "side" && tool.Calls.Any(c => c.Side is not null)) side = Scalar(value);
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
            if (chosen is null)
                return Refusal(side is null ? ErrorCodes.MissingArgument : ErrorCodes.InvalidInput, $"side must be {string.Join(", ", calls.Select(c => c.Side))}");
            if (side is "buy" or "sell") fields.Add(("side", side));
            calls = [chosen];
        }
        if (calls.Length == 1)
        {
            using var answer = api.Call(caller, calls[0].Method, calls[0].Pattern, via, requestId, values, fields);
            return answer.Problem is { } problem ? Refused(problem) : Document(answer.Text);
        }
        using var combined = new MemoryStream();
        using (var json = new Utf8JsonWriter(combined, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var call in calls)
            {
                using var answer = api.Call(caller, call.Method, call.Pattern, via, requestId, values, fields.Where(f => Accepts(call, f.Name)));
                if (answer.Problem is { } problem) return Refused(problem);
                json.WritePropertyName(call.Member!);
                answer.Json.WriteTo(json);
            }
            json.WriteEndObject();
        }
        return Document(System.Text.Encoding.UTF8.GetString(combined.ToArray()));
    }

    /// <summary>The CLI's coded refusal; a failure of the store or of the command itself says so without local paths.</summary>
    private static CallToolResult Refused(Problem problem) => problem.Code switch
    {
        ErrorCodes.StoreUnavailable => Refusal(problem.Code, "the store cannot be used right now; ask the person who runs Robson"),
        ErrorCodes.InternalError or ErrorCodes.DatabaseError => Refusal(problem.Code, "the command failed; ask the person who runs Robson to look at its log"),
        _ => Refusal(problem.Code, problem.Detail),
    };

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
