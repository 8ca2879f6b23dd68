using System.Text.Json;
using Robson.Cli.Tests.Support.Postgres;
using Robson.Cli.Tests.Support.Tampering;
using Robson.Core.Audit;

namespace Robson.Cli.Tests.EndToEnd.Postgres;

/// <summary>
/// The tamper contract on PostgreSQL, tampered with as a superuser (row-level security lifted, triggers dropped), and
/// PostgreSQL's witness: the audit_heads table, in place of SQLite's heads file.
/// </summary>
public sealed class PostgresAuditTamperTests() : AuditTamperContract(PostgresRobson.Create())
{
    protected override StoreTamperer Store => new PostgresTamperer(Robson.SuperuserConnectionString());

    [Fact]
    public void Append_WritesOneHeadPerEvent_OfItsChain_InTheWitnessTable()
    {
        var events = Robson.Expect(0, "audit", "export", "--client-id", "1").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => $"{e.GetProperty("position").GetInt64()} {e.GetProperty("hash").GetString()}")
            .ToList();

        var heads = Store.Scalar<string>("SELECT string_agg(position || ' ' || hash, E'\\n' ORDER BY seq) FROM audit_heads WHERE client_id = 1");

        Assert.Equal(events, heads.Split('\n'));
    }

    [Fact]
    public void Verify_NewestEventDeleted_ExitsOne_TheWitnessTableStillHoldsItsPosition()
    {
        var position = TamperScenarios.DeleteNewestEvent(Store, 1);

        var truncated = Assert.Single(Problems(), p => p.Code == AuditFinding.ChainTruncated);

        Assert.Equal(position, truncated.Position);
        Assert.Contains($"the witness saw position {position}", truncated.Reason);
    }

    [Fact]
    public void Verify_NewestEventsCutFromTheChainAndTheWitnessTable_AreCaughtByTheRecords()
    {
        TamperScenarios.DeleteNewestEvent(Store, 1);
        Store.Sql("DELETE FROM audit_heads WHERE seq = (SELECT MAX(seq) FROM audit_heads WHERE client_id = 1)");

        var problem = Assert.Single(Problems());

        Assert.Equal(AuditFinding.EventMissing, problem.Code);
    }

    [Fact]
    public void WitnessTable_RefusesDeletingAndRewritingHeads_UntilItsTriggersAreDropped()
    {
        // Triggers bind superusers too: cutting the witness takes a deliberate DROP TRIGGER, not a stray DELETE.
        var delete = Assert.Throws<Npgsql.PostgresException>(() => Store.Sql("DELETE FROM audit_heads WHERE client_id = 1"));
        var update = Assert.Throws<Npgsql.PostgresException>(() => Store.Sql("UPDATE audit_heads SET hash = 'x' WHERE client_id = 1"));

        Assert.Contains("append-only", delete.MessageText);
        Assert.Contains("append-only", update.MessageText);
        Robson.Expect(0, "audit", "verify", "--client-id", "1");
    }
}
