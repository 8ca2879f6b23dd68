using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Input a person types all day: help when no command is given, the command or option that was probably meant, the
/// missing argument by name, a default tenant, plan ids shortened like git's, and shell completion.
/// </summary>
public sealed class ForgivingInputTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void BareRobson_PrintsHelp_Exit0_AndCreatesNothing()
    {
        var run = _robson.Expect(0);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("plan", run.Stdout);
        Assert.Empty(run.Stderr);
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Fact]
    public void AGroupWithoutItsCommand_PrintsItsHelp()
    {
        var run = _robson.Expect(0, "plan");
        Assert.Contains("plan [command]", run.Stdout);
        Assert.Contains("buy", run.Stdout);
    }

    [Theory]
    [InlineData(new[] { "foo" }, "robson: unknown command 'foo' for 'robson' (see `robson --help`)")]
    [InlineData(new[] { "plan", "biy" }, "robson: unknown command 'biy' for 'robson plan' — did you mean 'buy'? (see `robson plan --help`)")]
    [InlineData(new[] { "exectue", "abc" }, "robson: unknown command 'exectue' for 'robson' — did you mean 'execute'? (see `robson --help`)")]
    [InlineData(new[] { "plan", "buy", "BTCUSDT", "0.001", "--limt", "5", "--client-id", "1" },
        "robson: unknown option '--limt' for 'robson plan buy' — did you mean '--limit'? (see `robson plan buy --help`)")]
    [InlineData(new[] { "strategy", "set", "--bogus" }, "robson: unknown option '--bogus' for 'robson strategy set' (see `robson strategy set --help`)")]
    [InlineData(new[] { "plan", "buy", "BTCUSDT" },
        "robson: QUANTITY is required (or --quote AMOUNT; see `robson plan buy --help`)")]
    [InlineData(new[] { "plan", "sell", "BTCUSDT", "--client-id", "1" }, "robson: QUANTITY is required (usage: robson plan sell SYMBOL QUANTITY [options]; see `robson plan sell --help`)")]
    [InlineData(new[] { "execute", "--client-id", "1" }, "robson: PLAN_ID is required (usage: robson execute PLAN_ID [options]; see `robson execute --help`)")]
    public void Mistakes_GetOneLine_NamingWhatWasMeant_Exit2(string[] args, string line)
    {
        var run = _robson.Expect(2, args);
        Assert.Equal(line, run.Stderr.TrimEnd('\n'));
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Fact]
    public void RobsonClientId_IsTheTenant_WhenNoFlagIsGiven_AndTheFlagWins()
    {
        _robson.Environment["ROBSON_CLIENT_ID"] = "7";
        var plan = _robson.Expect(0, "plan", "buy", "BTCUSDT", "0.001", "--json");
        Assert.Equal(7, plan.Json.GetProperty("client_id").GetInt64());
        Assert.Empty(plan.Stderr); // under --json the document names the tenant; stderr stays empty
        Assert.Equal("robson: client 7 (from ROBSON_CLIENT_ID)\n", _robson.Expect(0, "plans", "list").Stderr);

        var other = _robson.Expect(0, "plan", "buy", "BTCUSDT", "0.002", "--client-id", "8", "--json");
        Assert.Equal(8, other.Json.GetProperty("client_id").GetInt64());
        Assert.Empty(other.Stderr);

        // The variable's tenant cannot see the flag's tenant's plan: the default binds the session like the flag does.
        _robson.Expect(2, "plans", "show", other.Json.GetProperty("plan_id").GetString()!);
    }

    [Fact]
    public void RobsonClientId_NeverNarrowsAnAuditView()
    {
        // The audit commands' --client-id is one of two views (or --all-tenants): a variable nobody typed must not pick it.
        _robson.Plan("1", "buy", "BTCUSDT", "0.001");
        _robson.Plan("2", "buy", "BTCUSDT", "0.001");
        _robson.Environment["ROBSON_CLIENT_ID"] = "1";

        var all = _robson.Expect(0, "audit", "verify", "--all-tenants", "--json").Json;
        Assert.Equal([1L, 2L], Tenants(all));
        Assert.Contains("--all-tenants", _robson.Expect(2, "audit", "list").Stderr);
        var export = Path.Combine(_robson.Home, "all.jsonl");
        _robson.Expect(0, "audit", "export", "--all-tenants", "--output", export);
        var offline = _robson.Expect(0, "audit", "verify", "--file", export, "--json").Json;
        Assert.Equal([1L, 2L], Tenants(offline));
    }

    /// <summary>The tenants whose chains a verification covered (the chain of events without a tenant aside).</summary>
    private static long[] Tenants(System.Text.Json.JsonElement verification) =>
        [.. verification.GetProperty("chains").EnumerateArray().Select(c => c.GetProperty("client_id"))
            .Where(c => c.ValueKind == System.Text.Json.JsonValueKind.Number).Select(c => c.GetInt64()).Order()];

    [Fact]
    public void AMalformedRobsonClientId_IsRefused_NamingTheVariable()
    {
        _robson.Environment["ROBSON_CLIENT_ID"] = "seven";
        var run = _robson.Expect(2, "plans", "list");
        Assert.Equal("robson: ROBSON_CLIENT_ID must be a positive integer, got 'seven'\n", run.Stderr);
    }

    [Fact]
    public void WithoutATenant_TheErrorSaysBothWays()
    {
        var run = _robson.Expect(2, "plans", "list");
        Assert.Equal("robson: --client-id N is required (a positive integer), or set ROBSON_CLIENT_ID\n", run.Stderr);
    }

    [Fact]
    public void AUniquePrefixOfSixCharacters_NamesThePlan_ForValidateExecuteAndShow()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", strategy);
        var prefix = plan[..6];

        Assert.Equal(plan, _robson.Expect(0, "plans", "show", prefix, "--client-id", "1", "--json").Json.GetProperty("plan_id").GetString());
        Assert.Equal(plan, _robson.Expect(0, "validate", prefix, "--client-id", "1", "--json").Json.GetProperty("metadata").GetProperty("plan_id").GetString());
        Assert.Equal(plan, _robson.Expect(0, "execute", prefix, "--client-id", "1", "--json").Json.GetProperty("metadata").GetProperty("plan_id").GetString());
    }

    [Fact]
    public void APrefixShorterThanSix_OrOfAnotherTenant_IsNotFound()
    {
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "0.001");
        var shortRun = _robson.Expect(2, "plans", "show", plan[..5], "--client-id", "1");
        Assert.Contains("a prefix needs at least 6 characters", shortRun.Stderr);
        var other = _robson.Expect(2, "execute", plan[..6], "--client-id", "2", "--json");
        Assert.Equal("NOT_FOUND", other.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void AnAmbiguousPrefix_IsRefused_ListingTheCandidates_NeverGuessed()
    {
        var plan = _robson.Plan("1", "buy", "BTCUSDT", "0.001");
        // Random ids rarely share 6 characters: store a second plan whose id shares the first 8 with the first.
        var twin = plan[..8] + "zzzz";
        using (var store = Storage.Sqlite.SqliteStore.Open(_robson.Home, createIfMissing: false))
            store.InsertPlan(store.FindPlan(Core.Domain.ClientId.From(1), plan)! with { Id = twin });

        var run = _robson.Expect(2, "execute", plan[..6], "--client-id", "1", "--json");
        Assert.Equal("AMBIGUOUS_ID", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains($"({plan}, {twin})", run.Json.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(_robson.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions").EnumerateArray());
        // A prefix long enough to tell them apart, or the whole id, still works.
        _robson.Expect(0, "plans", "show", plan[..9], "--client-id", "1");
        _robson.Expect(0, "plans", "show", twin, "--client-id", "1");
    }

    [Fact]
    public void CompletionScripts_CompleteCommandsAndOptions_InBash()
    {
        var script = Path.Combine(_robson.Home + "-completion.bash");
        File.WriteAllText(script, _robson.Expect(0, "completion", "bash").Stdout);
        try
        {
            Assert.Equal("buy", Complete(script, "robson plan b"));
            Assert.Equal("--limit", Complete(script, "robson plan buy BTCUSDT 0.001 --li"));
            Assert.Equal("--client-id", Complete(script, "robson execute abc123 --cl"));
            Assert.Equal("validate", Complete(script, "robson vali"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory]
    [InlineData("zsh", "bashcompinit")]
    [InlineData("fish", "complete -c robson -n 'test \"(__robson_path)\" = \\'plan\\'' -a 'buy'")]
    public void CompletionScripts_ForZshAndFish_NameEveryCommand(string shell, string expected)
    {
        var script = _robson.Expect(0, "completion", shell).Stdout;
        Assert.Contains(expected, script);
        foreach (var command in CommandTable.Names)
            Assert.Contains(command, script);
    }

    [Fact]
    public void AnUnknownShell_IsRefused()
    {
        Assert.Equal("robson: SHELL must be bash, zsh or fish, got 'tcsh'\n", _robson.Expect(2, "completion", "tcsh").Stderr);
    }

    /// <summary>Runs bash's completion for <paramref name="line"/> (the cursor at its end) and returns the candidates.</summary>
    private static string Complete(string script, string line)
    {
        var words = line.Split(' ');
        var program = $"source '{script}'; COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; _robson; echo \"${{COMPREPLY[*]}}\"";
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["--norc", "-c", program]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}
