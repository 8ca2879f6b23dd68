using Robson.Core.Audit;
using Robson.Core.Domain;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Audit;

public sealed class AuditHasherTests
{
    private static readonly AuditActor Actor = new("alice", "desk-1", "robson execute pl4n0001 --client-id 1", "0.1.0");

    private static AuditEntry Entry(IReadOnlyDictionary<string, string>? details = null) =>
        new(Client, AuditKinds.PlanExecuted, "BLOCKED", "pl4n0001", new string('a', 64),
            details ?? Details.Of(("execution_id", "ex1"), ("mode", "LIVE")), Actor, Now);

    private static string HashOf(AuditEntry entry, long sequence = 1, string id = "ev1", string previous = AuditHasher.Genesis) =>
        AuditHasher.Hash(previous, AuditHasher.Canonical(sequence, id, entry));

    [Fact]
    public void Hash_SameEventAndPredecessor_SameHash()
    {
        Assert.Equal(HashOf(Entry()), HashOf(Entry()));
        Assert.Matches("^[0-9a-f]{64}$", HashOf(Entry()));
    }

    [Fact]
    public void Hash_DependsOnThePreviousHash()
    {
        Assert.NotEqual(HashOf(Entry()), HashOf(Entry(), previous: new string('1', 64)));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("id")]
    [InlineData("client_id")]
    [InlineData("client_id_removed")]
    [InlineData("kind")]
    [InlineData("result")]
    [InlineData("plan_id")]
    [InlineData("plan_hash")]
    [InlineData("occurred_at")]
    [InlineData("user")]
    [InlineData("host")]
    [InlineData("command")]
    [InlineData("version")]
    [InlineData("role")]
    [InlineData("detail_value")]
    [InlineData("detail_added")]
    [InlineData("detail_removed")]
    public void Hash_AnyFieldChanged_DifferentHash(string field)
    {
        var entry = Entry();
        var changedHash = field switch
        {
            "sequence" => HashOf(entry, sequence: 2),
            "id" => HashOf(entry, id: "ev2"),
            _ => HashOf(field switch
            {
                "client_id" => entry with { ClientId = OtherClient },
                "client_id_removed" => entry with { ClientId = null },
                "kind" => entry with { Kind = AuditKinds.OrderSent },
                "result" => entry with { Result = "SUCCESS" },
                "plan_id" => entry with { PlanId = "pl4n0002" },
                "plan_hash" => entry with { PlanHash = new string('b', 64) },
                "occurred_at" => entry with { OccurredAt = entry.OccurredAt.AddTicks(1) },
                "user" => entry with { Actor = Actor with { User = "mallory" } },
                "host" => entry with { Actor = Actor with { Host = "desk-2" } },
                "command" => entry with { Actor = Actor with { Command = "robson execute pl4n0001 --client-id 1 --live" } },
                "version" => entry with { Actor = Actor with { RobsonVersion = "0.1.1" } },
                "role" => entry with { Actor = Actor with { Role = "trader" } },
                "detail_value" => Entry(Details.Of(("execution_id", "ex1"), ("mode", "DRY_RUN"))),
                "detail_added" => Entry(Details.Of(("execution_id", "ex1"), ("mode", "LIVE"), ("extra", ""))),
                _ => Entry(Details.Of(("execution_id", "ex1"))),
            }),
        };

        Assert.NotEqual(HashOf(entry), changedHash);
    }

    /// <summary>
    /// An event without a role (every local CLI event, and every event stored before roles existed) hashes exactly as it did
    /// before roles: the canonical text and the hash below are those of robson-audit/v1 as first released.
    /// </summary>
    [Fact]
    public void Hash_WithoutARole_IsTheHashFromBeforeRoles()
    {
        const string Before = "robson-audit/v1\nposition=1\nid=ev1\nclient_id=1\nkind=PLAN_EXECUTED\nresult=BLOCKED\nplan_id=pl4n0001\n" +
                              "plan_hash=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\noccurred_at=2025-03-14T12:00:00.0000000Z\n" +
                              "actor=alice\nhost=desk-1\ncommand=robson execute pl4n0001 --client-id 1\nversion=0.1.0\n" +
                              "detail.execution_id=ex1\ndetail.mode=LIVE\n";

        Assert.Null(Entry().Actor.Role);
        Assert.Equal(Before, AuditHasher.Canonical(1, "ev1", Entry()));
        Assert.Equal("074c1337bf19b544137e61e98aa00a02393d53c8141f03799621039aa23a45a6", HashOf(Entry()));
    }

    [Fact]
    public void Canonical_WithARole_AddsOneRoleLine_AfterTheVersion()
    {
        var canonical = AuditHasher.Canonical(1, "ev1", Entry() with { Actor = Actor with { Role = "agent" } });

        Assert.Contains("\nversion=0.1.0\nrole=agent\ndetail.", canonical);
    }

    [Fact]
    public void Canonical_DetailOrder_DoesNotMatter()
    {
        var forward = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var backward = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        Assert.Equal(HashOf(Entry(forward)), HashOf(Entry(backward)));
    }

    [Fact]
    public void Canonical_NewlineInValue_CannotForgeTheNextField()
    {
        // Without escaping, both would read "actor=alice\nhost=desk-1\n...".
        var forged = Entry() with { Actor = Actor with { User = "alice\nhost=desk-1", Host = "" } };
        var honest = Entry() with { Actor = Actor with { User = "alice", Host = "desk-1\nhost=" } };

        Assert.NotEqual(HashOf(forged), HashOf(honest));
        Assert.Equal(CountLines(AuditHasher.Canonical(1, "ev1", Entry())), CountLines(AuditHasher.Canonical(1, "ev1", forged)));
    }

    [Fact]
    public void Canonical_NewlineInDetailValue_CannotForgeAnotherDetail()
    {
        var forged = Entry(new Dictionary<string, string> { ["a"] = "1\ndetail.b=2" });
        var honest = Entry(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.NotEqual(HashOf(forged), HashOf(honest));
    }

    [Fact]
    public void Canonical_EscapedLookingText_DiffersFromARealNewline()
    {
        var literal = Entry() with { Result = "A\\nB" };
        var newline = Entry() with { Result = "A\nB" };

        Assert.NotEqual(HashOf(literal), HashOf(newline));
    }

    [Fact]
    public void Canonical_SeparatorInDetailKey_CannotCollideWithAnotherEntry()
    {
        var keyWithEquals = Entry(new Dictionary<string, string> { ["a=b"] = "c" });
        var valueWithEquals = Entry(new Dictionary<string, string> { ["a"] = "b=c" });
        var keyWithNewline = Entry(new Dictionary<string, string> { ["a=1\ndetail.b"] = "2" });
        var twoDetails = Entry(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.NotEqual(HashOf(keyWithEquals), HashOf(valueWithEquals));
        Assert.NotEqual(HashOf(keyWithNewline), HashOf(twoDetails));
    }

    private static int CountLines(string text) => text.Count(c => c == '\n');
}
