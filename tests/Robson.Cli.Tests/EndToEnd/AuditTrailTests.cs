using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Every plan, validation, execution (blocked ones too) and strategy change appends an audit event.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private List<(string Kind, string Result)> Events(string client = "1") =>
        _robson.Expect(0, "audit", "list", "--client-id", client, "--json").Json.GetProperty("events").EnumerateArray()
            .Reverse().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("result").GetString()!)).ToList();

    [Fact]
    public void Workflow_AppendsOneEventPerStep_InOrder_WithActorAndRedactedCommand()
    {
        var strategy = _robson.CreateLiveStrategy();
        _robson.Expect(0, "strategy", "set", strategy, "--client-id", "1", "--max-orders-per-day", "5");
        var planId = _robson.Plan("1", "buy", "ETHUSDT", "0.01", "--strategy-id", strategy);
        _robson.Expect(1, "execute", planId, "--client-id", "1", "--live");
        _robson.Expect(0, "validate", planId, "--client-id", "1");
        _robson.Expect(0, "execute", planId, "--client-id", "1");
        _robson.Expect(0, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk");

        Assert.Equal(
        [
            ("STRATEGY_CREATED", "OK"), ("STRATEGY_CHANGED", "OK"), ("PLAN_CREATED", "CREATED"), ("PLAN_EXECUTED", "BLOCKED"),
            ("PLAN_VALIDATED", "PASS"), ("PLAN_EXECUTED", "SUCCESS"), ("ORDER_SENT", "SENT"), ("ORDER_FILLED", "FILLED"), ("ORDER_SENT", "SENT"), ("ORDER_ACKNOWLEDGED", "ACKED"), ("PLAN_EXECUTED", "SUCCESS"),
        ], Events());

        var last = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events")[0];
        Assert.Equal("tester", last.GetProperty("actor").GetString());
        Assert.Equal("test-host", last.GetProperty("host").GetString());
        Assert.Equal($"robson execute {planId} --client-id 1 --live --acknowledge-risk", last.GetProperty("command").GetString());
        Assert.Equal(planId, last.GetProperty("plan_id").GetString());
        Assert.Equal(64, last.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public void AuditEvents_AreChained_AndScopedToTheTenant()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        _robson.Plan("2", "buy", "ETHUSDT", "0.01");
        _robson.Plan("1", "sell", "ETHUSDT", "0.01");

        var events = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(1, e.GetProperty("client_id").GetInt64()));
        // Each tenant has its own chain: tenant 2's event in between does not break tenant 1's links.
        Assert.Equal(events[1].GetProperty("hash").GetString(), events[0].GetProperty("previous_hash").GetString());
        Assert.Equal(2, events[0].GetProperty("position").GetInt64());
        Assert.Single(Events("2"));
    }

    [Fact]
    public void AuditTable_RefusesUpdateAndDelete()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_robson.DatabasePath};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit_events SET result = 'FORGED'";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => update.ExecuteNonQuery());
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_events";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => delete.ExecuteNonQuery());
    }

    [Fact]
    public void CommandLineRedactor_HidesSecretValues()
    {
        Assert.Equal("robson venue add x --api-secret *** --api-key=*** --credentials-file /p",
            CommandLineRedactor.Redact(["venue", "add", "x", "--api-secret", "s3cr3t", "--api-key=k3y", "--credentials-file", "/p"]));
    }
}
