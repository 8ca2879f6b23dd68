using System.CommandLine;
using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Every command takes --json, and under --json every outcome — success, refusal, error — is exactly one JSON document
/// on stdout, so <c>robson … --json | jq</c> never breaks. Failures are <c>{"error": {"code", "message"}}</c> with the
/// exit code unchanged. A new command without an entry in <see cref="Successes"/> fails <see cref="EveryCommandIsCovered"/>.
/// </summary>
public sealed class JsonEverywhereTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    /// <summary>State the successful runs need: a LIVE entry on paper with its protective stop, a validated plan, an export file.</summary>
    private sealed record World(string Strategy, string Plan, string Entry, string Stop, string EventId, string ExportFile, string Execution, string Token, string Webhook);

    private World Build()
    {
        _robson.Expect(0, "paper", "deposit", "USDT", "10000", "--client-id", "1");
        var strategy = _robson.CreateLiveStrategy();
        var live = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--stop-loss", "2860");
        var run = _robson.Expect(0, "execute", live, "--client-id", "1", "--live", "--acknowledge-risk", "--json");
        var execution = run.Json.GetProperty("execution_id").GetString()!;
        var entry = run.Json.GetProperty("actions")[0].GetProperty("details").GetProperty("client_order_id").GetString()!;
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "BTCUSDT", "0.001");
        var eventId = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events")[0].GetProperty("event_id").GetString()!;
        var token = _robson.Expect(0, "token", "create", "--client-id", "1", "--role", "viewer", "--json").Json.GetProperty("id").GetString()!;
        var webhook = _robson.Expect(0, "webhook", "add", "https://hooks.example/robson", "--client-id", "1", "--events", "fill", "--json")
            .Json.GetProperty("id").GetString()!;
        return new World(strategy, plan, entry, entry + "-p1", eventId, Path.Combine(_robson.Home, "export.jsonl"), execution, token, webhook);
    }

    /// <summary>For each command (its words), arguments that succeed (exit 0) against <see cref="World"/>, in this order.</summary>
    private static readonly (string Path, Func<World, string[]> Args)[] Successes =
    [
        ("strategy create", _ => ["--client-id", "1", "--name", "json", "--max-drawdown-percent", "20", "--stop-loss-percent", "5"]),
        ("strategy set", w => [w.Strategy, "--client-id", "1", "--max-orders-per-day", "12"]),
        ("strategy show", w => [w.Strategy, "--client-id", "1"]),
        ("strategy list", _ => ["--client-id", "1"]),
        ("plan buy", w => ["BTCUSDT", "0.001", "--client-id", "1", "--strategy-id", w.Strategy, "--stop-loss", "57300"]),
        ("plan sell", _ => ["ETHUSDT", "0.01", "--client-id", "1"]),
        ("plan rebalance", w => ["--target", "ETH:10,USDT:90", "--client-id", "1", "--strategy-id", w.Strategy]),
        ("plan cancel", w => ["--order", w.Stop, "--client-id", "1"]),
        ("plan copy", w => [w.Plan, "--client-id", "1"]),
        ("plans list", _ => ["--client-id", "1"]),
        ("plans show", w => [w.Plan, "--client-id", "1"]),
        ("validate", w => [w.Plan, "--client-id", "1"]),
        ("execute", w => [w.Plan, "--client-id", "1"]),
        ("paper balance", _ => ["--client-id", "1"]),
        ("paper deposit", _ => ["USDT", "5", "--client-id", "1"]),
        ("paper set-price", _ => ["SOLUSDT", "151"]),
        ("halt", _ => ["--client-id", "1", "--reason", "lunch"]),
        ("reduce-only", _ => ["--client-id", "1"]),
        ("resume", _ => ["--client-id", "1", "--acknowledge-risk"]),
        ("venue add", _ => ["testnet", "--kind", "binance-testnet", "--client-id", "1"]),
        ("venue list", _ => ["--client-id", "1"]),
        ("venue show", _ => ["testnet", "--client-id", "1"]),
        ("venue remove", _ => ["testnet", "--client-id", "1"]),
        ("reconcile", _ => ["--client-id", "1", "--venue", "paper"]),
        ("orders list", _ => ["--client-id", "1"]),
        ("protect", w => ["--client-id", "1", "--order", w.Entry]),
        ("report", _ => ["--client-id", "1"]),
        ("analytics", _ => ["--client-id", "1"]),
        ("audit list", _ => ["--client-id", "1"]),
        ("audit show", w => [w.EventId, "--client-id", "1"]),
        ("audit verify", _ => ["--client-id", "1"]),
        ("audit export", w => ["--client-id", "1", "--output", w.ExportFile]),
        ("fills export", w => ["--client-id", "1", "--output", w.ExportFile + ".fills.csv"]),
        ("executions list", _ => ["--client-id", "1"]),
        ("executions show", w => [w.Execution, "--client-id", "1"]),
        ("db status", _ => []),
        ("db migrate", _ => []),
        ("db copy", _ => []), // needs PostgreSQL: DbCopyTests run it with --json; here only its refusal
        ("completion", _ => ["bash"]),
        ("status", _ => ["--client-id", "1"]),
        ("positions", _ => ["--client-id", "1"]),
        ("market price", _ => ["BTCUSDT"]),
        ("market book", _ => ["BTCUSDT", "--depth", "3"]),
        ("market rules", _ => ["BTCUSDT", "--venue", "paper"]),
        ("token create", _ => ["--client-id", "1", "--role", "trader"]),
        ("token list", _ => ["--client-id", "1"]),
        ("token revoke", w => [w.Token, "--client-id", "1"]),
        ("serve", _ => []), // replaces the process with the server: ServeCommandTests start it as a process of its own
        ("mcp", _ => ["--client-id", "1"]), // replaces the process with the MCP server: Robson.Server.Tests/Mcp drive it over stdio
        ("webhook add", _ => ["http://127.0.0.1:9/hook", "--client-id", "1", "--events", "fill,halt"]),
        ("webhook list", _ => ["--client-id", "1"]),
        ("webhook dead-letters", _ => ["--client-id", "1"]),
        ("webhook remove", w => [w.Webhook, "--client-id", "1"]),
    ];

    /// <summary>Commands whose success needs a server: their --json success is tested where the server is.</summary>
    private static readonly string[] SuccessTestedElsewhere = ["db copy", "serve", "mcp"];

    /// <summary>For each command, arguments its action refuses (not the parser): bad values, unknown objects.</summary>
    private static string[] Refused(string path) => path switch
    {
        "paper set-price" => ["SOLUSDT", "-1"],
        "paper deposit" => ["DOGE", "5", "--client-id", "1"],
        "db status" or "db migrate" => [],
        "db copy" => ["--to", "not-a-url"],
        "completion" => ["tcsh"],
        "market price" or "market book" or "market rules" => ["NOPEUSDT"],
        "validate" or "execute" or "plans show" or "plan copy" => ["nosuchplan", "--client-id", "1"],
        "strategy set" or "strategy show" => ["99", "--client-id", "1"],
        "venue show" or "venue remove" => ["nowhere", "--client-id", "1"],
        "audit show" => ["evt-0000000000000000", "--client-id", "1"],
        "executions show" => ["nosuch", "--client-id", "1"],
        "token create" => ["--client-id", "1", "--role", "admin"],
        "token revoke" => ["0123456789ab", "--client-id", "1"],
        "serve" => ["--urls", "http://0.0.0.0:8080"],
        "webhook add" => ["https://hooks.example/", "--client-id", "1", "--events", "fill,trade"],
        "webhook remove" => ["0123456789ab", "--client-id", "1"],
        "audit export" or "fills export" => ["--client-id", "1", "--format", "xml"],
        _ => ["--client-id", "0"],
    };

    [Fact]
    public void EveryCommandIsCovered_AndTakesJson()
    {
        var leaves = Leaves(CommandTable.Build(new CliContext(new CliIO(TextWriter.Null, TextWriter.Null, _ => null, false, TimeProvider.System, "t", "h"), [])), "").ToList();
        Assert.Equal(leaves.Select(l => l.Path).Order(), Successes.Select(s => s.Path).Order());
        Assert.All(leaves, l => Assert.True(l.Command.Options.Any(o => o.Name == "--json"), $"`robson {l.Path}` has no --json"));
    }

    [Fact]
    public void EverySuccess_IsOneJsonDocument()
    {
        var world = Build();
        foreach (var (path, args) in Successes.Where(s => !SuccessTestedElsewhere.Contains(s.Path)))
        {
            var run = _robson.Run([.. path.Split(' '), .. args(world), "--json"]);
            Assert.True(run.ExitCode == 0, $"`robson {path}` --json did not succeed\n{run}");
            var document = OneDocument(run, path);
            Assert.False(IsErrorDocument(document), $"`robson {path}` answered an error\n{run}");
        }
    }

    [Fact]
    public void EveryRefusalAndParseError_IsOneErrorDocument_WithTheExitCodeUnchanged()
    {
        Build();
        foreach (var (path, _) in Successes)
        {
            if (path == "db status" || path == "db migrate") continue; // nothing to refuse without options; the parse error below covers them
            var refused = _robson.Run([.. path.Split(' '), .. Refused(path), "--json"]);
            AssertError(refused, path, refused.ExitCode is 1 or 2 ? refused.ExitCode : -1);

            var unknown = _robson.Run([.. path.Split(' '), "--bogus", "--json"]);
            AssertError(unknown, path, 2);
            Assert.True(unknown.Json.GetProperty("error").GetProperty("code").GetString() == "UNKNOWN_OPTION", $"`robson {path} --bogus`\n{unknown}");
        }
    }

    [Theory]
    [InlineData(new[] { "plan", "biy", "--json" }, "UNKNOWN_COMMAND", 2)]
    [InlineData(new[] { "plan", "buy", "BTCUSDT", "--client-id", "1", "--json" }, "MISSING_ARGUMENT", 2)]
    [InlineData(new[] { "execute", "abc", "--client-id", "1", "--json" }, "NOT_FOUND", 2)]
    [InlineData(new[] { "plan", "buy", "BTCUSDT", "0.001", "--json" }, "MISSING_ARGUMENT", 2)]
    public void ErrorDocuments_CarryStableCodes(string[] args, string code, int exit)
    {
        var run = _robson.Run(args);
        AssertError(run, string.Join(' ', args), exit);
        Assert.Equal(code, run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(code, ErrorCodes.All);
    }

    [Fact]
    public void AnUnreachableVenue_UnderJson_IsAnErrorDocument_Exit1()
    {
        _robson.Environment["ROBSON_TESTNET_API_KEY"] = "k";
        _robson.Environment["ROBSON_TESTNET_API_SECRET"] = "s";
        _robson.Expect(0, "venue", "add", "testnet", "--kind", "binance-compatible", "--base-url", "http://127.0.0.1:9", "--client-id", "1");
        var run = _robson.Run("reconcile", "--client-id", "1", "--venue", "testnet", "--json");
        Assert.True(run.ExitCode == 1, run.ToString());
        var document = OneDocument(run, "reconcile");
        Assert.True(IsErrorDocument(document) || document.GetProperty("problems").GetArrayLength() > 0, run.ToString());
        if (IsErrorDocument(document)) Assert.Equal("VENUE_UNAVAILABLE", document.GetProperty("error").GetProperty("code").GetString());
    }

    private static void AssertError(CliRun run, string path, int exit)
    {
        Assert.True(run.ExitCode == exit, $"`robson {path}` --json: expected exit {exit}\n{run}");
        var document = OneDocument(run, path);
        Assert.True(IsErrorDocument(document), $"`robson {path}` --json: no error document\n{run}");
        var error = document.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.True(run.Stderr.Length == 0, $"`robson {path}` --json wrote to stderr\n{run}");
    }

    /// <summary>{"error": {...}} (an execution's report has an "error" field too, null or a string).</summary>
    private static bool IsErrorDocument(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object;

    /// <summary>Stdout holds exactly one JSON value (and nothing after it).</summary>
    private static JsonElement OneDocument(CliRun run, string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(run.Stdout);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            Assert.True(JsonDocument.TryParseValue(ref reader, out var document), $"`robson {path}` --json: stdout is not JSON\n{run}");
            Assert.False(reader.Read(), $"`robson {path}` --json: more than one JSON document\n{run}");
            return document!.RootElement;
        }
        catch (JsonException e)
        {
            Assert.Fail($"`robson {path}` --json: stdout is not one JSON document ({e.Message})\n{run}");
            throw;
        }
    }

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var subPath = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            if (sub.Subcommands.Count == 0) yield return (subPath, sub);
            else foreach (var leaf in Leaves(sub, subPath)) yield return leaf;
        }
    }
}
