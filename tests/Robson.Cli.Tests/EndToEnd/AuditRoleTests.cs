using System.Text.Json;
using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Storage.Sqlite;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// The role of the actor: an event appended for a request to `robson serve` names its token and role, and the audit commands
/// show, export and verify it; local commands have none; a role changed in the database breaks the chain.
/// </summary>
public sealed class AuditRoleTests : IDisposable
{
    private readonly Support.Robson _robson = new();
    private readonly string _export = Path.Combine(Path.GetTempPath(), "robson-role-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose()
    {
        _robson.Dispose();
        File.Delete(_export);
    }

    /// <summary>A local command's event, then one appended as the server appends a token's (its name as the user, its role).</summary>
    private string ServedEvent()
    {
        _robson.Expect(0, "paper", "deposit", "USDT", "100", "--client-id", "1");
        using var store = SqliteStore.Open(_robson.Home, createIfMissing: false);
        return store.Append(new AuditEntry(ClientId.From(1), AuditKinds.PaperDeposit, "OK", null, null, Details.Of(("asset", "USDT")),
            new AuditActor("ci-bot", "server-1", "POST /v1/paper/deposits", "test", "agent"), Support.Robson.Start)).Id;
    }

    [Fact]
    public void ListAndShow_CarryTheRole_NullForALocalCommand()
    {
        var id = ServedEvent();

        var events = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events");
        Assert.Equal("agent", events[0].GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, events[1].GetProperty("role").ValueKind);
        Assert.Equal("agent", _robson.Expect(0, "audit", "show", id, "--client-id", "1", "--json").Json.GetProperty("event").GetProperty("role").GetString());
        var shown = _robson.Expect(0, "audit", "show", id, "--client-id", "1").Stdout;
        Assert.Contains("  actor:          ci-bot@server-1\n  role:           agent\n", shown);
        var local = events[1].GetProperty("event_id").GetString()!;
        Assert.DoesNotContain("role:", _robson.Expect(0, "audit", "show", local, "--client-id", "1").Stdout);
    }

    [Fact]
    public void AnExportWithARole_VerifiesOffline()
    {
        ServedEvent();
        _robson.Expect(0, "audit", "export", "--client-id", "1", "--output", _export);

        Assert.Contains("\"role\":\"agent\"", File.ReadAllText(_export));
        _robson.Expect(0, "audit", "verify", "--file", _export);
    }

    [Fact]
    public void AnExportFromBeforeRoles_WithoutTheField_StillVerifies()
    {
        _robson.Expect(0, "paper", "deposit", "USDT", "100", "--client-id", "1");
        _robson.Expect(0, "audit", "export", "--client-id", "1", "--output", _export);
        File.WriteAllLines(_export, File.ReadAllLines(_export).Select(l => l.Replace("\"role\":null,", "")));

        Assert.DoesNotContain("\"role\"", File.ReadAllText(_export));
        _robson.Expect(0, "audit", "verify", "--file", _export);
    }

    [Theory]
    [InlineData("'operator'")] // the role raised
    [InlineData("NULL")]       // the role removed: the event now passes for a local command
    public void ARoleChangedInTheDatabase_BreaksTheChain(string role)
    {
        var id = ServedEvent();
        AuditTampering.Sql(_robson.DatabasePath, AuditTampering.DropTriggers, $"UPDATE audit_events SET role = {role} WHERE id = '{id}'");

        var verify = _robson.Expect(1, "audit", "verify", "--client-id", "1", "--json").Json;

        Assert.Equal("HASH_MISMATCH", verify.GetProperty("first_break").GetProperty("code").GetString());
        Assert.Equal(id, verify.GetProperty("first_break").GetProperty("event_id").GetString());
    }
}
