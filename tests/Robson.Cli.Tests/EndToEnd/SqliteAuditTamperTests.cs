using Robson.Cli.Tests.Support.Tampering;
using Robson.Core.Audit;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>The tamper contract on SQLite, and the SQLite witness: ROBSON_HOME/audit-heads.</summary>
public sealed class SqliteAuditTamperTests() : AuditTamperContract(new Support.Robson())
{
    protected override StoreTamperer Store => new SqliteTamperer(Robson.DatabasePath);

    private string HeadsFile => Path.Combine(Robson.Home, "audit-heads");

    private List<string> Heads() => File.ReadAllLines(HeadsFile).Where(l => !l.StartsWith('#')).ToList();

    [Fact]
    public void Append_WritesOneHeadPerEvent_OfItsChain()
    {
        var events = Robson.Expect(0, "audit", "export", "--all-tenants").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(e => $"{(e.GetProperty("client_id").ValueKind == System.Text.Json.JsonValueKind.Null ? "-" : e.GetProperty("client_id").GetInt64().ToString())} " +
                         $"{e.GetProperty("position").GetInt64()} {e.GetProperty("hash").GetString()}")
            .ToList();

        Assert.Equal(events, Heads());
    }

    [Fact]
    public void Verify_WitnessBehindTheChain_AsACrashAfterTheCommitLeavesIt_IsIntact()
    {
        var lines = File.ReadAllLines(HeadsFile);
        File.WriteAllText(HeadsFile, string.Join('\n', lines[..^2]) + "\n" + lines[^2][..10]); // and a line cut short

        Robson.Expect(0, "audit", "verify", "--client-id", "1");
        Robson.Plan("1", "sell", "ETHUSDT", "0.01");
        Robson.Expect(0, "audit", "verify", "--client-id", "1");
        Assert.EndsWith(" # cut short by a crash", File.ReadAllLines(HeadsFile)[^2]);
    }

    [Fact]
    public void Verify_NewestEventsCutFromTheChainAndTheWitness_AreCaughtByTheRecords()
    {
        TamperScenarios.DeleteNewestEvent(Store, 1);
        File.WriteAllLines(HeadsFile, File.ReadAllLines(HeadsFile)[..^1]);

        var problem = Assert.Single(Problems());

        Assert.Equal(AuditFinding.EventMissing, problem.Code);
    }

    [Fact]
    public void Verify_HeadsFileRemoved_ExitsOne_TheWitnessIsDamaged()
    {
        File.Delete(HeadsFile);

        var problem = Assert.Single(Problems());

        Assert.Equal(AuditFinding.WitnessDamaged, problem.Code);
        Assert.Contains("is missing", problem.Reason);
        Robson.Plan("1", "sell", "ETHUSDT", "0.01");
        Assert.False(File.Exists(HeadsFile)); // not restarted quietly: it stays reported
    }

    [Fact]
    public void Verify_HeadsFileEdited_ExitsOne_NamingTheLine()
    {
        var lines = File.ReadAllLines(HeadsFile);
        lines[3] = lines[3].Replace(' ', ';');
        File.WriteAllLines(HeadsFile, lines);

        var problem = Assert.Single(Problems());

        Assert.Equal(AuditFinding.WitnessDamaged, problem.Code);
        Assert.StartsWith("line 4 of the heads file", problem.Reason);
    }

    [Fact]
    public void Open_DatabaseFromBeforeTheWitness_StartsItWithEveryChainsHead_ThenCatchesACutTail()
    {
        Store.Sql("PRAGMA application_id = 0");
        File.Delete(HeadsFile);

        Robson.Expect(0, "audit", "verify", "--client-id", "1");
        Assert.Equal(["2 1", "1 12"], Heads().Select(l => string.Join(' ', l.Split(' ')[..2])));

        TamperScenarios.DeleteNewestPlanWithItsEvents(Store, 1);
        Assert.Contains(Problems(), p => p.Code == AuditFinding.ChainTruncated && p.Position == 12);
    }
}
