using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Exports carry every field and both hashes; a JSONL export verifies offline, and any edit to it is caught.</summary>
public sealed class AuditExportTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "robson-tests", "export-" + Guid.NewGuid().ToString("N"));

    public AuditExportTests()
    {
        Directory.CreateDirectory(_dir);
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01");
        _robson.Expect(1, "execute", plan, "--client-id", "1", "--live");
        _robson.Expect(0, "execute", plan, "--client-id", "1", "--live", "--acknowledge-risk");
        _robson.Plan("2", "buy", "BTCUSDT", "0.001");
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3001");
    }

    public void Dispose()
    {
        _robson.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Export(string format = "jsonl", params string[] extra)
    {
        var file = Path.Combine(_dir, $"audit-{Guid.NewGuid():N}.{format}");
        _robson.Expect(0, ["audit", "export", "--format", format, "--output", file, .. extra.Contains("--client-id") ? extra : [.. extra, "--all-tenants"]]);
        return file;
    }

    /// <summary>Verifies a file with no database at all: ROBSON_HOME points nowhere and stays absent.</summary>
    private CliRun VerifyOffline(int exitCode, string file, params string[] extra)
    {
        var home = _robson.Environment["ROBSON_HOME"];
        var nowhere = Path.Combine(_dir, "no-home");
        _robson.Environment["ROBSON_HOME"] = nowhere;
        try
        {
            var run = _robson.Expect(exitCode, ["audit", "verify", "--file", file, .. extra]);
            Assert.False(Directory.Exists(nowhere));
            return run;
        }
        finally { _robson.Environment["ROBSON_HOME"] = home; }
    }

    private static List<string> Lines(string file) => File.ReadAllLines(file).ToList();

    [Fact]
    public void JsonlExport_HasOneEventPerLine_WithEveryFieldAndBothHashes_OldestFirst()
    {
        var lines = Lines(Export());
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        // The export holds the operator view it was (AUDIT_ALL_TENANTS_READ, last); the list after it holds one more, its own.
        Assert.Equal(_robson.Expect(0, "audit", "list", "--all-tenants", "--json").Json.GetProperty("count").GetInt32(), events.Count + 1);
        Assert.Equal("AUDIT_ALL_TENANTS_READ", events[^1].GetProperty("kind").GetString());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(["sequence", "event_id", "client_id", "position", "kind", "result", "plan_id", "plan_hash", "occurred_at", "actor", "host",
            "command", "robson_version", "role", "details", "previous_hash", "hash"], events[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000000", events[0].GetProperty("previous_hash").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", events[0].GetProperty("occurred_at").GetString());
    }

    [Fact]
    public void JsonlExport_VerifiesOfflineWithoutADatabase()
    {
        var file = Export("jsonl", "--client-id", "1");

        var run = VerifyOffline(0, file, "--json").Json;

        Assert.Equal("INTACT", run.GetProperty("status").GetString());
        Assert.Equal(file, run.GetProperty("source").GetString());
        Assert.Equal(Lines(file).Count, run.GetProperty("events").GetInt32());
        // The head hashes of the export are the database's.
        Assert.Equal(_robson.Expect(0, "audit", "verify", "--client-id", "1", "--json").Json.GetProperty("chains").ToString(), run.GetProperty("chains").ToString());
    }

    [Fact]
    public void JsonlExportOfOneTenant_VerifiesOffline()
    {
        var file = Export("jsonl", "--client-id", "1");

        Assert.All(Lines(file), l => Assert.Equal(1, JsonDocument.Parse(l).RootElement.GetProperty("client_id").GetInt64()));
        Assert.Contains("RESULT: ✓ INTACT: 1 chain(s)", VerifyOffline(0, file).Stdout);
    }

    [Theory]
    [InlineData("\"result\":\"SUCCESS\"", "\"result\":\"BLOCKED\"")]
    [InlineData("\"actor\":\"tester\"", "\"actor\":\"mallory\"")]
    [InlineData("\"mode\":\"LIVE\"", "\"mode\":\"DRY_RUN\"")]
    public void TamperedExportLine_FailsOffline_NamingPositionAndLine(string original, string forged)
    {
        var file = Export();
        var lines = Lines(file);
        var index = lines.FindLastIndex(l => l.Contains(original, StringComparison.Ordinal) && l.Contains("\"client_id\":1,", StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line of client 1 has {original}");
        var position = JsonDocument.Parse(lines[index]).RootElement.GetProperty("position").GetInt64();
        lines[index] = lines[index].Replace(original, forged, StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var broken = VerifyOffline(1, file, "--json").Json.GetProperty("first_break");

        Assert.Equal(position, broken.GetProperty("position").GetInt64());
        Assert.Equal(index + 1, broken.GetProperty("line").GetInt32());
        Assert.Equal("HASH_MISMATCH", broken.GetProperty("code").GetString());
    }

    [Fact]
    public void ExportLineDeleted_FailsOffline_NamingTheMissingPosition()
    {
        var file = Export();
        var lines = Lines(file);
        var index = lines.FindIndex(l => l.Contains("\"client_id\":1,\"position\":3,", StringComparison.Ordinal));
        lines.RemoveAt(index);
        File.WriteAllLines(file, lines);

        var run = VerifyOffline(1, file);

        Assert.Contains("broken at position 3", run.Stdout);
        Assert.Contains("POSITION_GAP", run.Stdout);
    }

    [Fact]
    public void ExportLinesReordered_StillVerify_BecausePositionsOrderTheChain()
    {
        var file = Export();
        var lines = Lines(file);
        lines.Reverse();
        File.WriteAllLines(file, lines);

        VerifyOffline(0, file);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"sequence\":1}")]
    public void ExportLineThatIsNotAnEvent_FailsOffline_NamingTheLine(string garbage)
    {
        var file = Export();
        var lines = Lines(file);
        lines[1] = garbage;
        File.WriteAllLines(file, lines);

        var json = VerifyOffline(1, file, "--json").Json;

        Assert.Equal("BROKEN", json.GetProperty("status").GetString());
        Assert.Equal(2, json.GetProperty("first_break").GetProperty("line").GetInt32());
        Assert.Equal("MALFORMED_LINE", json.GetProperty("first_break").GetProperty("code").GetString());
    }

    [Fact]
    public void ExportLineWithAnExtraField_Fails_SoNothingUnverifiedCanRideAlong()
    {
        var file = Export();
        var lines = Lines(file);
        lines[0] = lines[0].TrimEnd('}') + ",\"approved_by\":\"ceo\"}";
        File.WriteAllLines(file, lines);

        Assert.Contains("unknown field 'approved_by'", VerifyOffline(1, file).Stdout);
    }

    [Fact]
    public void CsvExport_HasAHeaderAndOneQuotedRowPerEvent_WithBothHashes()
    {
        var file = Export("csv");
        var lines = Lines(file);

        Assert.Equal("sequence,event_id,client_id,position,kind,result,plan_id,plan_hash,occurred_at,actor,host,command,robson_version,role,details,previous_hash,hash", lines[0]);
        Assert.Equal(_robson.Expect(0, "audit", "list", "--all-tenants", "--json").Json.GetProperty("count").GetInt32(), lines.Count); // + header, - the list's own view
        Assert.EndsWith(JsonDocument.Parse(Lines(Export())[0]).RootElement.GetProperty("hash").GetString(), lines[1]);
        Assert.Contains(",\"{\"\"", lines[1]); // the details cell is JSON, quoted by RFC 4180
        Assert.Contains("\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void CsvExport_CannotBeVerifiedAsJsonl_UsageError()
    {
        Assert.Contains("CSV export", VerifyOffline(2, Export("csv")).Stderr);
    }

    [Fact]
    public void ExportWithoutOutput_WritesTheJsonlToStdout()
    {
        var run = _robson.Expect(0, "audit", "export", "--client-id", "2");

        Assert.Single(run.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal("PLAN_CREATED", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ExportToAFile_ReplacesItWhole_AndLeavesNoTemporaryFile()
    {
        var file = Path.Combine(_dir, "audit.jsonl");
        File.WriteAllText(file, "old content that is longer than nothing\n");

        var run = _robson.Expect(0, "audit", "export", "--format", "jsonl", "--output", file, "--client-id", "1");

        Assert.Contains("Exported", run.Stdout);
        Assert.DoesNotContain("old content", File.ReadAllText(file));
        Assert.Equal(["audit.jsonl"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        // The trail names who did what: readable by its owner only, like the store itself.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--output", "/nonexistent-dir/for/sure/audit.jsonl")]
    [InlineData("--client-id", "0")]
    public void ExportBadInput_ExitsTwo_AndWritesNothing(string option, string value)
    {
        var before = Directory.GetFiles(_dir);

        var run = _robson.Expect(2, ["audit", "export", option, value, .. option == "--client-id" ? Array.Empty<string>() : ["--all-tenants"]]);

        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, Directory.GetFiles(_dir));
    }

    [Fact]
    public void VerifyFile_Missing_IsAUsageError()
    {
        Assert.Contains("does not exist", _robson.Expect(2, "audit", "verify", "--file", Path.Combine(_dir, "nope.jsonl")).Stderr);
    }

    [Fact]
    public void Export_HoldsNoSecret_AndNothingTheRedactorWouldHide()
    {
        const string canary = "CANARY-SECRET-123";
        // A secret in the environment, as venue keys will be, and one typed as an option Robson does not take.
        _robson.Environment["ROBSON_API_SECRET"] = canary;
        _robson.Environment["BINANCE_API_KEY"] = canary;
        _robson.Expect(2, "plan", "buy", "ETHUSDT", "0.01", "--client-id", "1", "--api-secret", canary);
        _robson.Expect(2, "paper", "deposit", "USDT", "5", "--client-id", "1", $"--api-key={canary}");
        var strategy = _robson.CreateLiveStrategy();
        _robson.Expect(0, "execute", _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01"), "--client-id", "1");
        _robson.Expect(0, "paper", "deposit", "USDT", "5", "--client-id", "1");

        var jsonl = File.ReadAllText(Export());
        var csv = File.ReadAllText(Export("csv"));

        Assert.DoesNotContain(canary, jsonl);
        Assert.DoesNotContain(canary, csv);
        Assert.DoesNotContain(canary, System.Text.Encoding.UTF8.GetString(_robson.StoreBytes()));
        foreach (var line in jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var command = JsonDocument.Parse(line).RootElement.GetProperty("command").GetString()!;
            // Redacting the recorded command again changes nothing: no secret-named option kept its value.
            Assert.Equal(command, CommandLineRedactor.Redact(command.Split(' ').Skip(1).ToList()));
        }
    }
}
