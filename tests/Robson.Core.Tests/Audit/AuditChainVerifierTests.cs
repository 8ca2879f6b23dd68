using Robson.Core.Audit;
using Robson.Core.Domain;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    private static readonly AuditActor Actor = new("alice", "desk-1", "robson plan buy BTCUSDT 0.001 --client-id 1", "0.1.0");

    /// <summary>A well-formed chain built the way the store appends: sequence numbers are global, positions per tenant.</summary>
    private static List<AuditRecord> Chain(params ClientId?[] tenants)
    {
        var records = new List<AuditRecord>();
        for (var i = 0; i < tenants.Length; i++)
        {
            var tenant = tenants[i];
            var previous = records.LastOrDefault(r => r.Entry.ClientId == tenant);
            var position = (previous?.Position ?? 0) + 1;
            var entry = new AuditEntry(tenant, AuditKinds.PlanCreated, "CREATED", $"plan{i:D4}", new string('a', 64),
                Details.Of(("n", i)), Actor, Now.AddSeconds(i));
            var id = $"evt-{i + 1:D8}";
            var prevHash = previous?.Hash ?? AuditHasher.Genesis;
            records.Add(new AuditRecord(i + 1, id, position, entry, prevHash, AuditHasher.Hash(prevHash, AuditHasher.Canonical(position, id, entry))));
        }
        return records;
    }

    private static List<AuditRecord> FiveOfClient() => Chain(Client, Client, Client, Client, Client);

    [Fact]
    public void Verify_UntouchedChains_AreIntact_WithTheirHeads()
    {
        var records = Chain(Client, OtherClient, Client, null, OtherClient, Client);

        var result = AuditChainVerifier.Verify(records);

        Assert.True(result.Intact);
        Assert.Null(result.FirstBreak);
        Assert.Equal(6, result.Events);
        Assert.Equal([Client, OtherClient, null], result.Chains.Select(c => c.ClientId));
        Assert.Equal([3, 2, 1], result.Chains.Select(c => c.Events));
        Assert.Equal(records[5].Hash, result.Chains[0].HeadHash);
    }

    [Theory]
    [InlineData("operator")] // a role changed
    [InlineData(null)]       // a role removed: the event now claims to be a local command
    public void Verify_TheStoredRoleTamperedWith_IsAHashMismatch(string? tamperedRole)
    {
        var records = Chain(Client, Client, Client);
        var served = records[1].Entry with { Actor = Actor with { User = "ci-bot", Role = "viewer" } };
        records[1] = records[1] with { Entry = served, Hash = AuditHasher.Hash(records[1].PreviousHash, AuditHasher.Canonical(2, records[1].Id, served)) };
        records[2] = records[2] with { PreviousHash = records[1].Hash, Hash = AuditHasher.Hash(records[1].Hash, AuditHasher.Canonical(3, records[2].Id, records[2].Entry)) };
        Assert.True(AuditChainVerifier.Verify(records).Intact);

        records[1] = records[1] with { Entry = served with { Actor = served.Actor with { Role = tamperedRole } } };
        var result = AuditChainVerifier.Verify(records);

        Assert.False(result.Intact);
        Assert.Equal((2L, "HASH_MISMATCH"), (result.FirstBreak!.Position, result.FirstBreak.Code));
    }

    [Fact]
    public void Verify_NoEvents_IsIntact()
    {
        var result = AuditChainVerifier.Verify([]);

        Assert.True(result.Intact);
        Assert.Empty(result.Chains);
    }

    [Fact]
    public void Verify_RecordsInAnyOrder_AreTakenInPositionOrder()
    {
        var records = FiveOfClient();
        records.Reverse();

        Assert.True(AuditChainVerifier.Verify(records).Intact);
    }

    [Fact]
    public void Verify_FieldEdited_BreaksAtThatPosition_WithHashMismatch()
    {
        var records = FiveOfClient();
        records[2] = records[2] with { Entry = records[2].Entry with { Result = "SUCCESS" } };

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((3L, "evt-00000003", AuditBreak.HashMismatch, (ClientId?)Client), (broken.Position, broken.EventId, broken.Code, broken.ClientId));
    }

    [Fact]
    public void Verify_DetailEdited_BreaksAtThatPosition()
    {
        var records = FiveOfClient();
        records[1] = records[1] with { Entry = records[1].Entry with { Details = Details.Of(("n", 99)) } };

        Assert.Equal(2, AuditChainVerifier.Verify(records).FirstBreak!.Position);
    }

    [Fact]
    public void Verify_EventDeleted_NamesTheMissingPosition()
    {
        var records = FiveOfClient();
        records.RemoveAt(1);

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal(2, broken.Position);
        Assert.Equal(AuditBreak.PositionGap, broken.Code);
        Assert.Equal("evt-00000003", broken.EventId);
    }

    [Fact]
    public void Verify_FirstEventDeleted_NamesPositionOne()
    {
        var records = FiveOfClient();
        records.RemoveAt(0);

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((1L, AuditBreak.PositionGap), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_DeletedAndRenumbered_BreaksWherePredecessorHashNoLongerMatches()
    {
        var records = FiveOfClient();
        records.RemoveAt(1);
        records = records.Select((r, i) => r with { Position = i + 1 }).ToList();

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((2L, AuditBreak.PreviousHashMismatch), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_TwoEventsSwapped_BreaksAtTheFirstSwappedPosition()
    {
        var records = FiveOfClient();
        (records[1], records[2]) = (records[2] with { Position = 2 }, records[1] with { Position = 3 });

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((2L, AuditBreak.PreviousHashMismatch), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_ForgedEventWithMadeUpHash_BreaksAtTheForgery()
    {
        var records = FiveOfClient();
        var last = records[^1];
        records.Add(last with { Sequence = 6, Id = "evt-00000006", Position = 6, PreviousHash = last.Hash, Hash = new string('f', 64) });

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((6L, AuditBreak.HashMismatch), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_ForgedEventWithCorrectHashInsertedInTheMiddle_BreaksRightAfterIt()
    {
        var records = FiveOfClient();
        var entry = records[1].Entry with { Result = "FORGED" };
        var hash = AuditHasher.Hash(records[1].Hash, AuditHasher.Canonical(3, "evt-00000099", entry));
        var forged = new AuditRecord(99, "evt-00000099", 3, entry, records[1].Hash, hash);
        records = [.. records.Take(2), forged, .. records.Skip(2).Select(r => r with { Position = r.Position + 1 })];

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((4L, AuditBreak.PreviousHashMismatch, "evt-00000003"), (broken.Position, broken.Code, broken.EventId));
    }

    [Fact]
    public void Verify_PositionRepeated_IsReported()
    {
        var records = FiveOfClient();
        records.Add(records[2] with { Sequence = 6, Id = "evt-00000006" });

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((3L, AuditBreak.PositionRepeated), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_FirstEventNotFromGenesis_IsReported()
    {
        var records = FiveOfClient();
        records[0] = records[0] with { PreviousHash = new string('1', 64) };

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((1L, AuditBreak.PreviousHashMismatch), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_SequenceNumbersSwapped_IsReportedAsReordering()
    {
        var records = FiveOfClient();
        (records[1], records[2]) = (records[1] with { Sequence = 3 }, records[2] with { Sequence = 2 });

        var broken = AuditChainVerifier.Verify(records).FirstBreak!;

        Assert.Equal((3L, AuditBreak.SequenceOutOfOrder), (broken.Position, broken.Code));
    }

    [Fact]
    public void Verify_OneTenantBroken_OthersStayIntact_AndTheFirstBreakNamesTheTenant()
    {
        var records = Chain(Client, OtherClient, Client, OtherClient);
        records[3] = records[3] with { Entry = records[3].Entry with { Kind = AuditKinds.OrderSent } };

        var result = AuditChainVerifier.Verify(records);

        Assert.False(result.Intact);
        Assert.True(result.Chains.Single(c => c.ClientId == Client).Intact);
        Assert.Equal((OtherClient, 2L), (result.FirstBreak!.ClientId!.Value, result.FirstBreak.Position));
    }

    [Fact]
    public void Verify_OnlyTheFirstBrokenLinkOfAChainIsReported()
    {
        var records = FiveOfClient();
        records[1] = records[1] with { Entry = records[1].Entry with { Result = "X" } };
        records[3] = records[3] with { Entry = records[3].Entry with { Result = "Y" } };

        Assert.Equal(2, AuditChainVerifier.Verify(records).FirstBreak!.Position);
    }

    [Fact]
    public void HashMatches_TellsWhetherOneEventsContentStillHashesToItsHash()
    {
        var records = FiveOfClient();

        Assert.True(AuditChainVerifier.HashMatches(records[2]));
        Assert.False(AuditChainVerifier.HashMatches(records[2] with { Entry = records[2].Entry with { PlanId = "other" } }));
    }

    [Fact]
    public void CanonicalTime_IsUtcWithSevenDecimals()
    {
        Assert.Equal("2025-03-14T12:00:00.0000001Z", AuditHasher.CanonicalTime(new DateTimeOffset(2025, 3, 14, 13, 0, 0, TimeSpan.FromHours(1)).AddTicks(1)));
    }
}
