using System.Text;
using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// <c>fills export</c>: every LIVE fill of the tenant for the accountant (paper's LIVE fills too, venue named; DRY-RUN
/// never), in inclusive UTC days, as RFC 4180 CSV or JSON lines, to stdout or atomically to a private file.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FillsExportTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "robson-tests", "fills-" + Guid.NewGuid().ToString("N"));

    public FillsExportTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        _robson.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A LIVE buy on paper now, and a DRY-RUN of another plan (which must never appear).</summary>
    private void LiveBuy(string strategy, string quantity, string client = "1")
    {
        var plan = _robson.ValidatedPlan(client, strategy, "buy", "ETHUSDT", quantity);
        _robson.Expect(0, "execute", plan, "--client-id", client, "--live", "--acknowledge-risk");
        _robson.Expect(0, "execute", _robson.Plan(client, "buy", "ETHUSDT", "0.5"), "--client-id", client);
    }

    private string[] Export(params string[] args) => _robson.Expect(0, ["fills", "export", "--client-id", "1", .. args]).Stdout.Split("\r\n")[..^1];

    private static List<string[]> ParseCsv(string text)
    {
        // RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; records end with CRLF.
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++; }
            else cell.Append(c);
        }
        Assert.True(cell.Length == 0 && row.Count == 0, "the CSV ends with CRLF");
        return rows;
    }

    [Fact]
    public void Export_CsvRoundTrip_MatchesJsonl_AndOnlyLiveFillsOfTheTenant()
    {
        var strategy = _robson.CreateLiveStrategy();
        LiveBuy(strategy, "0.01");
        LiveBuy(_robson.CreateLiveStrategy(client: "2"), "0.02", client: "2");

        var csv = ParseCsv(_robson.Expect(0, "fills", "export", "--client-id", "1").Stdout);
        var jsonl = _robson.Expect(0, "fills", "export", "--client-id", "1", "--format", "jsonl").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(["time", "venue", "symbol", "side", "price", "quantity", "fee", "fee_asset", "fee_in_quote", "order_id", "venue_order_id", "trade_id"], csv[0]);
        var fill = Assert.Single(csv.Skip(1));
        Assert.Equal(("paper", "ETHUSDT", "BUY", "0.01"), (fill[1], fill[2], fill[3], fill[5]));
        Assert.Equal(_robson.Clock.Now.UtcDateTime, DateTime.Parse(fill[0], null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.DoesNotContain('E', fill[4] + fill[6] + fill[8]);
        var line = Assert.Single(jsonl);
        for (var i = 0; i < csv[0].Length; i++)
        {
            var value = line.GetProperty(csv[0][i]);
            Assert.Equal(fill[i], value.ValueKind switch { JsonValueKind.Null => "", JsonValueKind.Number => value.GetRawText(), _ => value.GetString() });
        }
        Assert.NotEmpty(fill[9]);
    }

    [Fact]
    public void Export_DateRange_IsInclusiveUtcDays_AndVenueFilters()
    {
        var strategy = _robson.CreateLiveStrategy();
        _robson.Clock.Now = new DateTimeOffset(2026, 11, 24, 23, 59, 59, TimeSpan.Zero);
        LiveBuy(strategy, "0.01");
        _robson.Clock.Now = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        LiveBuy(strategy, "0.02");
        _robson.Clock.Now = new DateTimeOffset(2026, 11, 26, 23, 59, 59, TimeSpan.Zero);
        LiveBuy(strategy, "0.03");

        string[] Quantities(params string[] args) => [.. Export(args).Skip(1).Select(r => r.Split(',')[5])];

        Assert.Equal(["0.01", "0.02", "0.03"], Quantities());
        Assert.Equal(["0.02", "0.03"], Quantities("--from", "2026-11-25"));
        Assert.Equal(["0.01"], Quantities("--to", "2026-11-24"));
        Assert.Equal(["0.02"], Quantities("--from", "2026-11-25", "--to", "2026-11-25"));
        Assert.Equal(["0.03"], Quantities("--from", "2026-11-26", "--to", "2026-11-26", "--venue", "paper"));
        Assert.Equal(["0.03"], Quantities("--from", "2026-11-26", "--to", "2026-11-26", "--venue", "PAPER")); // names match in any case
        Assert.Empty(Quantities("--from", "2026-11-27"));
    }

    [Fact]
    public void Export_ToAFile_IsPrivate_RefusesToOverwrite_UnlessForced_AndSummarises()
    {
        LiveBuy(_robson.CreateLiveStrategy(), "0.01");
        var file = Path.Combine(_dir, "fills.csv");

        var summary = _robson.Expect(0, "fills", "export", "--client-id", "1", "--output", file, "--from", "2026-11-01", "--json").Json;

        Assert.Equal((file, 1, "csv", "2026-11-01"), (summary.GetProperty("path").GetString(), summary.GetProperty("rows").GetInt32(),
            summary.GetProperty("format").GetString(), summary.GetProperty("from").GetString()));
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("to").ValueKind);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(2, ParseCsv(File.ReadAllText(file)).Count);

        var refused = _robson.Expect(2, "fills", "export", "--client-id", "1", "--output", file, "--format", "jsonl");
        Assert.Contains("already exists", refused.Stderr);
        Assert.StartsWith("time,", File.ReadAllText(file));

        var human = _robson.Expect(0, "fills", "export", "--client-id", "1", "--output", file, "--format", "jsonl", "--force");
        Assert.Contains("Exported 1 LIVE fill(s) of client 1", human.Stdout);
        Assert.StartsWith("{\"time\":", File.ReadAllText(file));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    public static TheoryData<string[]> BadInputs => new()
    {
        new[] { "--format", "xlsx" },
        new[] { "--from", "2026-13-01" },
        new[] { "--from", "2026-11-26", "--to", "2026-11-25" },
        new[] { "--venue", "nosuchvenue" },
        new[] { "--json" },
        new[] { "--client-id", "0" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Export_BadInput_ExitsTwo_AndWritesNothing(string[] args)
    {
        LiveBuy(_robson.CreateLiveStrategy(), "0.01");
        var file = Path.Combine(_dir, "out.csv");
        var withTenant = args.Contains("--client-id") ? args : [.. args, "--client-id", "1"];

        var run = _robson.Expect(2, ["fills", "export", .. withTenant, .. args.Contains("--json") ? Array.Empty<string>() : ["--output", file]]);

        if (args.Contains("--json"))
        {
            // Under --json the refusal is one error document on stdout, and stderr stays empty.
            Assert.Equal("INVALID_INPUT", run.Json.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal("", run.Stderr);
        }
        else
        {
            Assert.Equal("", run.Stdout);
            Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        }
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
