using System.Text.Json;
using System.Text.Json.Nodes;
using Robson.Server.Api;

namespace Robson.Server.Mcp;

/// <summary>
/// The tools an agent gets: each is one of the HTTP API's routes (or, for get_market, three), run in process as the
/// role <c>agent</c> of the tenant, so the role table decides exactly as it does for an agent's token: plans,
/// validation, DRY-RUN and reads; never LIVE, limits, policy, venues, credentials or the kill switch. No tool has a
/// field that acknowledges risk or asks for LIVE; a field a tool does not list is refused by name.
/// </summary>
public sealed record AgentTool(string Name, string Description, AgentTool.Call[] Calls, string[] Excluded, string? IdField = null)
{
    /// <summary>One route the tool runs; with several, the answer is one object with a member per route.</summary>
    public sealed record Call(string Method, string Pattern, string? Member = null, string? Side = null);

    public static readonly AgentTool[] All =
    [
        new("get_status", "The tenant's state now: trading state (ACTIVE, REDUCING, HALTED), each daily limit used/max, positions, open and unknown orders, plans awaiting LIVE.",
            [new("GET", "/v1/status")], []),
        new("get_market", "Market data for a symbol (e.g. BTCUSDT) on a venue (default paper): last price, best bid/ask, mid and spread; the top of the book; the symbol's trading rules (tick, step, minimum notional) as validation checks them.",
            [new("GET", "/v1/market/{symbol}/price", "price"), new("GET", "/v1/market/{symbol}/book", "book"), new("GET", "/v1/market/{symbol}/rules", "rules")], [], "symbol"),
        new("list_strategies", "The tenant's strategies: each one's limits and policy (what plans may do). Read-only: an agent never changes them.",
            [new("GET", "/v1/strategies")], []),
        new("create_plan", "Store a plan: side buy or sell (symbol, quantity or quote, limit or market, stop_loss, take_profit, strategy_id, venue), rebalance (target, strategy_id) or cancel (order). Nothing is sent anywhere. Returns the plan with its id and content hash.",
            [new("POST", "/v1/plans", Side: "buy"), new("POST", "/v1/plans", Side: "sell"), new("POST", "/v1/plans/rebalance", Side: "rebalance"), new("POST", "/v1/plans/cancel", Side: "cancel")], []),
        new("validate_plan", "Validate a plan (the paper-trading stage): PASS, WARNING or FAIL with coded issues (see the resource robson://codes/validation). The result is stored, bound to the plan's hash.",
            [new("POST", "/v1/plans/{id}/validate")], ["with_account"], "plan_id"), // with_account would load the venue's credentials
        new("execute_dry_run", "Rehearse a plan: every guard is evaluated and reported (see robson://codes/guards) and the fills are simulated against the book. Nothing is sent and nothing changes but the stored record of the rehearsal. There is no LIVE execution for agents.",
            [new("POST", "/v1/plans/{id}/execute")], ["acknowledge_risk", "mode"], "plan_id"),
        new("list_executions", "Executions (every attempt, blocked or not), newest first; filters: mode, status, venue, symbol, blocked_by, from, to, plan, limit.",
            [new("GET", "/v1/executions")], []),
        new("get_execution", "One execution: each guard's verdict and message, each leg's outcome, orders, fills and fees.",
            [new("GET", "/v1/executions/{id}")], [], "execution_id"),
        new("get_report", "The tenant's day (or period: from, to) venue by venue: LIVE orders, notional, fills, fees, realised P&L, each limit's usage, validations, executions, blocked attempts by guard.",
            [new("GET", "/v1/report")], []),
        new("list_orders", "Open orders (resting on a venue) and orders of unknown outcome.",
            [new("GET", "/v1/orders")], []),
    ];

    public static AgentTool? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The fields the tool's schema lists: any other is refused by name.</summary>
    public IReadOnlySet<string> Fields(CommandCatalog catalog) =>
        InputSchema(catalog).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

    /// <summary>The tool's JSON schema, from the commands' own options (as the HTTP API's fields and OpenAPI document are).</summary>
    public JsonElement InputSchema(CommandCatalog catalog)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        if (IdField is not null)
        {
            properties[IdField] = new JsonObject { ["type"] = "string", ["description"] = IdField == "symbol" ? "Symbol, e.g. BTCUSDT" : $"The {IdField.Replace('_', ' ')}" };
            required.Add((JsonNode)JsonValue.Create(IdField));
        }
        if (Calls.Any(c => c.Side is not null))
        {
            properties["side"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. Calls.Select(c => JsonValue.Create(c.Side))]), ["description"] = "What to plan" };
            required.Add((JsonNode)JsonValue.Create("side"));
        }
        foreach (var call in Calls)
        {
            var route = Route(call);
            var shape = catalog.Shape(route, call.Side is "buy" or "sell" ? call.Side : null);
            foreach (var argument in shape.Arguments.Skip(route.RouteParameters.Length))
                properties[CommandShape.FieldName(argument)] ??= new JsonObject { ["type"] = "string", ["description"] = argument.Description ?? "" };
            foreach (var (name, option) in shape.Options)
                if (!Excluded.Contains(name) && name != "all_tenants")
                    properties[name] ??= new JsonObject { ["type"] = option.ValueType == typeof(bool) ? "boolean" : new JsonArray("string", "number"), ["description"] = option.Description ?? "" };
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Count > 0) schema["required"] = required;
        return JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone();
    }

    public static ApiRoute Route(Call call) => ApiRoutes.All.Single(r => r.Method == call.Method && r.Pattern == call.Pattern);
}
