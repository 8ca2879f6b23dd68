using System.Text.Json;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Nobody reads every tenant's audit trail by default: each audit command needs --client-id N or --all-tenants (an
/// operator view, itself audited), and event ids say nothing about other events.
/// </summary>
public sealed class AuditTenantViewTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public AuditTenantViewTests()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        _robson.Plan("2", "buy", "ETHUSDT", "0.02");
        _robson.Plan("1", "sell", "ETHUSDT", "0.01");
    }

    public void Dispose() => _robson.Dispose();

    private List<JsonElement> Events(params string[] scope) =>
        _robson.Expect(0, ["audit", "list", "--json", .. scope]).Json.GetProperty("events").EnumerateArray().ToList();

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "audit", "list" },
        new[] { "audit", "show", "evt-0123456789abcdef" },
        new[] { "audit", "export" },
        new[] { "audit", "export", "--format", "csv" },
        new[] { "audit", "verify" },
        new[] { "audit", "verify", "--json" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void AuditCommand_WithoutATenantView_IsRefused_WithOneLine_AndWritesNothing(string[] command)
    {
        var before = _robson.StoreBytes();
        var heads = File.ReadAllText(Path.Combine(_robson.Home, "audit-heads"));

        var run = _robson.Expect(2, command);

        Assert.Equal($"robson: audit {command[1]} needs --client-id N (one tenant's events) or --all-tenants (every tenant's: an operator view, audited)\n", run.ErrorLine);
        Assert.Equal("", command.Contains("--json") ? run.Stderr : run.Stdout);
        Assert.Equal(before, _robson.StoreBytes());
        Assert.Equal(heads, File.ReadAllText(Path.Combine(_robson.Home, "audit-heads")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void AuditCommand_WithBothViews_IsRefused(string[] command)
    {
        var run = _robson.Expect(2, [.. command, "--client-id", "1", "--all-tenants"]);

        Assert.Equal("robson: --client-id and --all-tenants exclude each other: give one\n", run.ErrorLine);
    }

    [Fact]
    public void List_OneTenant_ShowsOnlyItsEvents_AndWritesNothing()
    {
        var before = _robson.StoreBytes();

        Assert.Equal([1L, 1L], Events("--client-id", "1").Select(e => e.GetProperty("client_id").GetInt64()));
        Assert.Equal(before, _robson.StoreBytes());
    }

    [Theory]
    [InlineData("list")]
    [InlineData("export")]
    [InlineData("verify")]
    [InlineData("show")]
    public void AllTenants_IsAnOperatorView_AuditedInTheChainWithoutATenant(string command)
    {
        var anEvent = Events("--client-id", "2")[0].GetProperty("event_id").GetString()!;
        _robson.Expect(0, command == "show" ? ["audit", "show", anEvent, "--all-tenants"] : ["audit", command, "--all-tenants"]);

        var view = Events("--all-tenants")[1]; // [0] is the read just made by this list
        Assert.Equal("AUDIT_ALL_TENANTS_READ", view.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("client_id").ValueKind);
        Assert.Equal("audit " + command, view.GetProperty("details").GetProperty("view").GetString());
        Assert.StartsWith($"robson audit {command}", view.GetProperty("command").GetString());
        _robson.Expect(0, "audit", "verify", "--all-tenants");
    }

    [Fact]
    public void List_AllTenants_ShowsEveryTenant()
    {
        Assert.Equal(["-", "1", "2", "1"], Events("--all-tenants").Select(e =>
            e.GetProperty("client_id").ValueKind == JsonValueKind.Null ? "-" : e.GetProperty("client_id").GetInt64().ToString()));
    }

    [Fact]
    public void Show_AnotherTenantsEvent_IsNotFound()
    {
        var theirs = Events("--client-id", "2")[0].GetProperty("event_id").GetString()!;

        var run = _robson.Expect(2, "audit", "show", theirs, "--client-id", "1");

        Assert.Equal($"robson: audit event '{theirs}' not found\n", run.Stderr);
        _robson.Expect(0, "audit", "show", theirs, "--client-id", "2");
    }

    [Fact]
    public void Show_AllTenants_UnknownEvent_IsNotFound_AndRecordsNothing()
    {
        var before = _robson.StoreBytes();

        Assert.Equal("robson: audit event 'evt-0123456789abcdef' not found\n", _robson.Expect(2, "audit", "show", "evt-0123456789abcdef", "--all-tenants").Stderr);
        Assert.Equal(before, _robson.StoreBytes());
    }

    [Fact]
    public void EventIds_AreRandom_NotASequence()
    {
        var ids = Events("--all-tenants").Select(e => e.GetProperty("event_id").GetString()!).ToList();

        Assert.All(ids, id => Assert.Matches("^evt-[0-9a-f]{16}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Skip(1), id => Assert.NotEqual(ids[0][..14], id[..14])); // consecutive events share no prefix (1 chance in 2^40)
    }

    [Fact]
    public void Verify_ExpectHead_Malformed_OrOfAnotherTenant_IsRefused()
    {
        var hash = new string('a', 64);

        Assert.Contains("--expect-head must be CLIENT:HASH", _robson.Expect(2, "audit", "verify", "--client-id", "1", "--expect-head", "1:abc").Stderr);
        Assert.Contains("is not a tenant id", _robson.Expect(2, "audit", "verify", "--client-id", "1", "--expect-head", $"x:{hash}").Stderr);
        Assert.Contains("names another chain than --client-id 1", _robson.Expect(2, "audit", "verify", "--client-id", "1", "--expect-head", $"2:{hash}").Stderr);
    }
}
