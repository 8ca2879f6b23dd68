using Robson.Core.Audit;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Audit;

public sealed class AuditWitnessCheckTests
{
    private static AuditTrail FourEvents() => new AuditTrail()
        .Add(Client, AuditKinds.PaperDeposit).Add(Client, AuditKinds.PaperDeposit).Add(Client, AuditKinds.PaperDeposit).Add(Client, AuditKinds.PaperDeposit);

    [Fact]
    public void Check_WitnessOfEveryAppend_FindsNothing()
    {
        var trail = FourEvents();

        Assert.Empty(AuditWitnessCheck.Check(Client, trail.Events, trail.Witness()));
    }

    [Fact]
    public void Check_WitnessBehindTheChain_FindsNothing()
    {
        var trail = FourEvents();

        Assert.Empty(AuditWitnessCheck.Check(Client, trail.Events, trail.Witness().Take(2)));
    }

    [Fact]
    public void Check_NewestEventDeleted_ChainIsShorterThanItsWitness()
    {
        var trail = FourEvents();
        var witness = trail.Witness();

        var finding = Assert.Single(AuditWitnessCheck.Check(Client, trail.Events.Take(3).ToList(), witness));

        Assert.Equal(AuditFinding.ChainTruncated, finding.Code);
        Assert.Equal(4, finding.Position);
        Assert.StartsWith($"the witness saw position 4 (hash {witness[3].Hash[..16]}…), but the chain ends at position 3 ({trail.Events[2].Id})", finding.Reason);
    }

    [Fact]
    public void Check_EveryEventDeleted_ChainIsShorterThanItsWitness()
    {
        var finding = Assert.Single(AuditWitnessCheck.Check(Client, [], FourEvents().Witness()));

        Assert.Contains("the chain ends at position 0 (no event)", finding.Reason);
    }

    [Fact]
    public void Check_ChainRewrittenFromAPosition_NamesTheFirstWitnessedPositionThatDiffers()
    {
        var trail = FourEvents();
        var witness = trail.Witness();
        var rewritten = new AuditTrail().Add(Client, AuditKinds.PaperDeposit).Add(Client, AuditKinds.PaperDeposit)
            .Add(Client, AuditKinds.PaperPriceSet).Add(Client, AuditKinds.PaperDeposit).Events;

        var finding = Assert.Single(AuditWitnessCheck.Check(Client, rewritten, witness));

        Assert.Equal((AuditFinding.WitnessMismatch, 3L), (finding.Code, finding.Position));
    }

    [Fact]
    public void Check_ExpectedHeadIsAnEventOfTheChain_FindsNothing_ElseReportsIt()
    {
        var trail = FourEvents();

        Assert.Empty(AuditWitnessCheck.Check(Client, trail.Events, [new AuditHead(Client, null, trail.Events[1].Hash.ToUpperInvariant())]));
        var finding = Assert.Single(AuditWitnessCheck.Check(Client, trail.Events.Take(3).ToList(), [new AuditHead(Client, null, trail.Events[3].Hash)]));
        Assert.Equal(AuditFinding.ExpectedHeadMissing, finding.Code);
    }

    [Fact]
    public void Verify_ChainsWithFindings_AreNotIntact_AndAChainWithOnlyAWitnessIsListed()
    {
        var trail = FourEvents();

        var result = AuditChainVerifier.Verify(new AuditEvidence([]) { Witness = new AuditWitness(trail.Witness()) });

        Assert.False(result.Intact);
        Assert.Null(result.FirstBreak);
        Assert.Equal(AuditFinding.ChainTruncated, result.FirstFinding!.Code);
        Assert.Equal(Client, Assert.Single(result.Chains).ClientId);
    }

    [Fact]
    public void Verify_DamagedWitness_IsAFindingOfTheStore()
    {
        var result = AuditChainVerifier.Verify(new AuditEvidence(FourEvents().Events) { Witness = new AuditWitness([], "the heads file is missing") });

        Assert.False(result.Intact);
        Assert.Equal(AuditFinding.WitnessDamaged, result.FirstFinding!.Code);
    }
}
