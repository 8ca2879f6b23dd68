using System.Text.Json;

namespace Robson.Cli.Tests.Support;

public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    /// <summary>
    /// The refusal as one line, wherever it went: stderr, or under --json the message of stdout's error document,
    /// written as stderr would have it ("robson: …\n").
    /// </summary>
    public string ErrorLine => Stderr.Length == 0 && Stdout.StartsWith('{') && Json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
        ? "robson: " + error.GetProperty("message").GetString() + "\n"
        : Stderr;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// Runs the real CLI entry point (<see cref="CliApp.Run"/>) in-process against a temporary ROBSON_HOME,
/// with captured streams, its own environment and a manual clock.
/// </summary>
public sealed class Robson : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public string Home { get; }
    public ManualClock Clock { get; } = new(Start);
    public Dictionary<string, string> Environment { get; } = new();
    public bool Terminal { get; set; }

    public Robson()
    {
        Home = Path.Combine(Path.GetTempPath(), "robson-tests", Guid.NewGuid().ToString("N"));
        Environment["ROBSON_HOME"] = Home;
    }

    public string DatabasePath => Path.Combine(Home, "robson.db");

    /// <summary>
    /// Everything the store holds on disk: robson.db and its write-ahead log, if one is left (a command checkpoints it into
    /// robson.db when it closes; a crash can leave one): "nothing written" and "no secret stored" read both.
    /// </summary>
    public byte[] StoreBytes()
    {
        var wal = DatabasePath + "-wal";
        return [.. File.ReadAllBytes(DatabasePath), .. File.Exists(wal) ? File.ReadAllBytes(wal) : []];
    }

    public CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var io = new CliIO(stdout, stderr, name => Environment.GetValueOrDefault(name), Terminal, Clock, "tester", "test-host");
        var code = CliApp.Run(args, io);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs and asserts the exit code, showing the whole run when it differs.</summary>
    public CliRun Expect(int exitCode, params string[] args)
    {
        var run = Run(args);
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode} for `robson {string.Join(' ', args)}`\n{run}");
        return run;
    }

    /// <summary>
    /// The risk settings whose absence fails every validation (RiskConfigurationValidator), so <c>strategy create</c>
    /// refuses a strategy without them: drawdown 20 %, stop loss 5 %.
    /// </summary>
    public static readonly IReadOnlyList<(string Option, string Value)> RequiredRisk =
        [("--max-drawdown-percent", "20"), ("--stop-loss-percent", "5")];

    /// <summary><paramref name="options"/> followed by each <see cref="RequiredRisk"/> setting they do not give themselves.</summary>
    public static string[] WithRequiredRisk(params string[] options) =>
        [.. options, .. RequiredRisk.Where(r => !options.Contains(r.Option)).SelectMany(r => new[] { r.Option, r.Value })];

    /// <summary>A strategy allowed to go LIVE, with limits; returns its id.</summary>
    public string CreateLiveStrategy(string client = "1", string maxOrders = "10", string maxNotional = "100000", string maxLoss = "1000",
        string maxPosition = "50", string maxNotionalPerOrder = "50000", params string[] extra)
    {
        var args = new List<string>
        {
            "strategy", "create", "--client-id", client, "--name", "s" + Guid.NewGuid().ToString("N")[..8],
            "--max-drawdown-percent", "20", "--stop-loss-percent", "5", "--max-position-size-percent", maxPosition,
            "--max-orders-per-day", maxOrders, "--max-notional-per-day", maxNotional, "--max-loss-per-day", maxLoss,
            "--max-notional-per-order", maxNotionalPerOrder, "--live-enabled", "--json",
        };
        args.AddRange(extra);
        return Expect(0, [.. args]).Json.GetProperty("strategy_id").GetInt64().ToString();
    }

    /// <summary>Reference prices of the paper venue, for stop-losses the tests do not care about.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> ReferencePrices = new Dictionary<string, decimal>
    {
        ["BTCUSDT"] = 60000m, ["ETHUSDT"] = 3000m, ["BNBUSDT"] = 600m, ["SOLUSDT"] = 150m,
    };

    /// <summary>
    /// Stores a plan and returns its id. A buy under a strategy gets a stop-loss 3 % under the reference
    /// price unless the test gives one, since strategies with stop_loss_percent require it.
    /// </summary>
    public string Plan(string client, params string[] args)
    {
        // Within the strategies' 5 % stop-loss rule, and below the price moves tests make: at LIVE the stop rests on the venue.
        if (args[0] == "buy" && args.Contains("--strategy-id") && !args.Contains("--stop-loss"))
            args = [.. args, "--stop-loss", (ReferencePrices[args[1]] * 0.955m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)];
        var run = Expect(0, ["plan", .. args, "--client-id", client, "--json"]);
        return run.Json.GetProperty("plan_id").GetString()!;
    }

    /// <summary>Plans, validates (must pass) and returns the plan id, ready for LIVE.</summary>
    public string ValidatedPlan(string client, string strategyId, params string[] args)
    {
        var planId = Plan(client, [.. args, "--strategy-id", strategyId]);
        Expect(0, "validate", planId, "--client-id", client);
        return planId;
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
