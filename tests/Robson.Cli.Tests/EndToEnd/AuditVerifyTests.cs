using Robson.Cli.Tests.Support;
using Robson.Core.Audit;
using Robson.Core.Domain;
using static Robson.Cli.Tests.EndToEnd.AuditTampering;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>`audit verify` recomputes the chains from the stored rows and names the first broken link after any tampering.</summary>
public sealed class AuditVerifyTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public AuditVerifyTests()
    {
        // Client 1: strategy, 4 plans -> positions 1..5. Client 2: 2 plans. No tenant: one price change.
        var strategy = _robson.CreateLiveStrategy();
        for (var i = 1; i <= 4; i++) _robson.Plan("1", "buy", "ETHUSDT", $"0.0{i}", "--strategy-id", strategy);
        _robson.Plan("2", "buy", "ETHUSDT", "0.01");
        _robson.Plan("2", "sell", "ETHUSDT", "0.01");
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3001");
    }

    public void Dispose() => _robson.Dispose();

    private string Db => _robson.DatabasePath;

    private System.Text.Json.JsonElement Broken(params string[] scope)
    {
        var run = _robson.Expect(1, ["audit", "verify", "--json", .. scope.Length == 0 ? ["--all-tenants"] : scope]);
        var json = run.Json;
        Assert.Equal("BROKEN", json.GetProperty("status").GetString());
        return json.GetProperty("first_break");
    }

    [Fact]
    public void Verify_UntouchedDatabase_IsIntact_ForEveryChainAndForOneTenant()
    {
        var all = _robson.Expect(0, "audit", "verify", "--all-tenants", "--json").Json;
        Assert.Equal("INTACT", all.GetProperty("status").GetString());
        Assert.Equal(9, all.GetProperty("events").GetInt32()); // with the operator view itself, in the chain without a tenant
        Assert.Equal([1L, 2L, 0L], all.GetProperty("chains").EnumerateArray()
            .Select(c => c.GetProperty("client_id").ValueKind == System.Text.Json.JsonValueKind.Null ? 0L : c.GetProperty("client_id").GetInt64()));

        var one = _robson.Expect(0, "audit", "verify", "--client-id", "2", "--json").Json;
        Assert.Equal(2, one.GetProperty("events").GetInt32());

        var human = _robson.Expect(0, "audit", "verify", "--all-tenants").Stdout;
        Assert.Contains("RESULT: ✓ INTACT: 3 chain(s), 10 event(s)", human);
    }

    [Fact]
    public void Verify_FieldEdited_NamesThePosition()
    {
        Sql(Db, DropTriggers, "UPDATE audit_events SET result = 'SUCCESS' WHERE client_id = 1 AND position = 3");

        var broken = Broken();

        Assert.Equal(1, broken.GetProperty("client_id").GetInt64());
        Assert.Equal(3, broken.GetProperty("position").GetInt64());
        Assert.Equal(AuditBreak.HashMismatch, broken.GetProperty("code").GetString());
        Assert.Equal(Scalar<string>(Db, "SELECT id FROM audit_events WHERE client_id = 1 AND position = 3"), broken.GetProperty("event_id").GetString());
    }

    [Fact]
    public void Verify_DetailsEdited_NamesThePosition_AndHumanOutputSaysBroken()
    {
        Sql(Db, DropTriggers, "UPDATE audit_events SET details_json = replace(details_json, 'paper', 'binance') WHERE client_id = 1 AND position = 2");

        var run = _robson.Expect(1, "audit", "verify", "--all-tenants");

        Assert.Contains("broken at position 2", run.Stdout);
        Assert.Contains("RESULT: ✗ BROKEN: first broken link: client 1, position 2", run.Stdout);
    }

    [Fact]
    public void Verify_DetailsMadeUnreadable_IsABrokenLink_NotACrash()
    {
        Sql(Db, DropTriggers, "UPDATE audit_events SET details_json = 'not json' WHERE client_id = 2 AND position = 1");

        var broken = Broken();

        Assert.Equal((2L, 1L, AuditBreak.HashMismatch), (broken.GetProperty("client_id").GetInt64(), broken.GetProperty("position").GetInt64(), broken.GetProperty("code").GetString()));
    }

    [Fact]
    public void Verify_RowDeleted_NamesTheMissingPosition()
    {
        Sql(Db, DropTriggers, "DELETE FROM audit_events WHERE client_id = 1 AND position = 2");

        var broken = Broken();

        Assert.Equal(2, broken.GetProperty("position").GetInt64());
        Assert.Equal(AuditBreak.PositionGap, broken.GetProperty("code").GetString());
    }

    [Fact]
    public void Verify_RowDeletedAndTheRestRenumbered_StillNamesThePosition()
    {
        Sql(Db, DropTriggers, "DELETE FROM audit_events WHERE client_id = 1 AND position = 2",
            "UPDATE audit_events SET position = -position WHERE client_id = 1 AND position > 2",
            "UPDATE audit_events SET position = -position - 1 WHERE client_id = 1 AND position < 0");

        var broken = Broken();

        Assert.Equal(2, broken.GetProperty("position").GetInt64());
        Assert.Equal(AuditBreak.PreviousHashMismatch, broken.GetProperty("code").GetString());
    }

    [Fact]
    public void Verify_TwoRowsReordered_NamesTheFirstOfThem()
    {
        Sql(Db, DropTriggers,
            "UPDATE audit_events SET position = -1 WHERE client_id = 1 AND position = 3",
            "UPDATE audit_events SET position = 3 WHERE client_id = 1 AND position = 4",
            "UPDATE audit_events SET position = 4 WHERE client_id = 1 AND position = -1");

        Assert.Equal(3, Broken().GetProperty("position").GetInt64());
    }

    [Fact]
    public void Verify_TwoRowsContentsSwapped_NamesTheFirstOfThem()
    {
        const string columns = "kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash";
        var sets = string.Join(", ", columns.Split(", ").Select(c => $"{c} = (SELECT {c} FROM tmp WHERE tmp.position = 7 - audit_events.position)"));
        Sql(Db, DropTriggers,
            $"CREATE TEMP TABLE tmp AS SELECT position, {columns} FROM audit_events WHERE client_id = 1 AND position IN (3, 4)",
            $"UPDATE audit_events SET {sets} WHERE client_id = 1 AND position IN (3, 4)");

        Assert.Equal(3, Broken().GetProperty("position").GetInt64());
    }

    [Fact]
    public void Verify_ForgedEventAppendedWithAMadeUpHash_NamesItsPosition()
    {
        Sql(Db, DropTriggers,
            "INSERT INTO audit_events (seq, id, client_id, position, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash) " +
            "SELECT 100, 'evt-00000100', 2, 3, 'ORDER_SENT', 'FILLED', NULL, NULL, occurred_at, actor, host, command, version, '{}', hash, " +
            "'" + new string('e', 64) + "' FROM audit_events WHERE client_id = 2 AND position = 2");

        var broken = Broken("--client-id", "2");

        Assert.Equal((3L, "evt-00000100", AuditBreak.HashMismatch),
            (broken.GetProperty("position").GetInt64(), broken.GetProperty("event_id").GetString(), broken.GetProperty("code").GetString()));
    }

    [Fact]
    public void Verify_ForgedEventWithACorrectHashInsertedInTheMiddle_NamesTheLinkItBreaks()
    {
        // The forger knows the algorithm: the forged event itself hashes right, so the break shows on the event after it.
        var previousHash = Scalar<string>(Db, "SELECT hash FROM audit_events WHERE client_id = 1 AND position = 2");
        var forged = new AuditEntry(ClientId.From(1), AuditKinds.StrategyChanged, "OK", null, null, Details.Of(("live_enabled", "true")),
            new AuditActor("tester", "test-host", "robson strategy set 1 --client-id 1 --live-enabled", "0.1.0"), Support.Robson.Start);
        var hash = AuditHasher.Hash(previousHash, AuditHasher.Canonical(3, "evt-00000100", forged));
        Sql(Db, DropTriggers,
            "UPDATE audit_events SET position = -position WHERE client_id = 1 AND position >= 3",
            "UPDATE audit_events SET position = -position + 1 WHERE client_id = 1 AND position < 0",
            "INSERT INTO audit_events (seq, id, client_id, position, kind, result, plan_id, plan_hash, occurred_at, actor, host, command, version, details_json, prev_hash, hash) " +
            $"VALUES (100, 'evt-00000100', 1, 3, 'STRATEGY_CHANGED', 'OK', NULL, NULL, '{AuditHasher.CanonicalTime(forged.OccurredAt)}', 'tester', 'test-host', " +
            $"'{forged.Actor.Command}', '0.1.0', '{{\"live_enabled\":\"true\"}}', '{previousHash}', '{hash}')");

        var broken = Broken();

        Assert.Equal(4, broken.GetProperty("position").GetInt64());
        Assert.Equal(AuditBreak.PreviousHashMismatch, broken.GetProperty("code").GetString());
    }

    [Fact]
    public void Verify_TamperingInOneTenant_LeavesTheOthersIntact()
    {
        Sql(Db, DropTriggers, "UPDATE audit_events SET actor = 'mallory' WHERE client_id = 2 AND position = 2");

        _robson.Expect(0, "audit", "verify", "--client-id", "1");
        Assert.Equal(2, Broken("--client-id", "2").GetProperty("position").GetInt64());
        var chains = _robson.Expect(1, "audit", "verify", "--all-tenants", "--json").Json.GetProperty("chains").EnumerateArray().ToList();
        Assert.Equal([true, false, true], chains.Select(c => c.GetProperty("intact").GetBoolean()));
    }

    [Fact]
    public void Verify_TenantlessChainEdited_IsReported()
    {
        Sql(Db, DropTriggers, "UPDATE audit_events SET details_json = replace(details_json, '3001', '9999') WHERE client_id IS NULL");

        var broken = Broken();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, broken.GetProperty("client_id").ValueKind);
        Assert.Equal(1, broken.GetProperty("position").GetInt64());
    }

    [Fact]
    public void Verify_NoDatabase_IsIntactWithNoEvents_AndCreatesNothing()
    {
        var fresh = Path.Combine(Path.GetTempPath(), "robson-tests", Guid.NewGuid().ToString("N"));
        _robson.Environment["ROBSON_HOME"] = fresh;

        Assert.Contains("No audit events.", _robson.Expect(0, "audit", "verify", "--all-tenants").Stdout);
        Assert.False(Directory.Exists(fresh));
    }

    [Fact]
    public void Verify_OfOneTenant_IsReadOnly()
    {
        var before = File.ReadAllBytes(Db);

        _robson.Expect(0, "audit", "verify", "--client-id", "1");

        Assert.Equal(before, File.ReadAllBytes(Db));
    }
}
