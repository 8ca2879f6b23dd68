using Robson.Core.Domain;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Plans;

public sealed class PlanStatusTests
{
    private static readonly Plan Subject = Plan();
    private static readonly Strategy Current = Strategy();

    private static ValidationStamp Validated(DateTimeOffset at, ValidationStatus status = ValidationStatus.Pass, string? hash = null, int version = 1) =>
        new("v-1", hash ?? Subject.Hash, Current.Id, version, status, at);

    private static ExecutionStamp Ran(ExecutionMode mode, ExecutionStatus status, DateTimeOffset at, string id = "e-1") => new(id, mode, status, at);

    private static PlanStatus Derive(PlanHistory history, Strategy? strategy = null, Plan? plan = null) =>
        PlanStatus.Derive(plan ?? Subject, history, strategy ?? Current, Now);

    private static string[] Names(PlanStatus status) => [.. status.Possible.Select(p => p.Name)];

    [Fact]
    public void Derive_NoHistory_IsNew_AndOffersValidateAndDryRun()
    {
        var status = Derive(PlanHistory.None);

        Assert.Equal(PlanStage.New, status.Stage);
        Assert.Equal([PlanStatus.Validate, PlanStatus.DryRun], Names(status));
        Assert.Null(status.Validation);
    }

    [Fact]
    public void Derive_FreshPassingValidation_IsReadyForLive_AndOffersLive()
    {
        var status = Derive(new PlanHistory(Validated(Now.AddMinutes(-1)), [], false));

        Assert.Equal(PlanStage.ReadyForLive, status.Stage);
        Assert.Equal([PlanStatus.DryRun, PlanStatus.Live], Names(status));
        Assert.True(status.Validation!.AuthorisesLive);
        Assert.Equal(Now.AddMinutes(14), status.Validation.ExpiresAt);
        Assert.EndsWith("--live --acknowledge-risk", status.Possible[1].Command);
    }

    [Fact]
    public void Derive_ValidationAtExactlyTheTtl_StillAuthorisesLive_OneTickLater_Lapses()
    {
        Assert.Equal(PlanStage.ReadyForLive, Derive(new PlanHistory(Validated(Now.AddMinutes(-15)), [], false)).Stage);

        var lapsed = Derive(new PlanHistory(Validated(Now.AddMinutes(-15).AddTicks(-1)), [], false));

        Assert.Equal(PlanStage.ValidationLapsed, lapsed.Stage);
        Assert.False(lapsed.Validation!.WithinTtl);
        Assert.DoesNotContain(PlanStatus.Live, Names(lapsed));
        Assert.Contains(PlanStatus.Validate, Names(lapsed));
    }

    [Fact]
    public void Derive_ValidationUnderAnEarlierStrategyVersion_Lapses()
    {
        var status = Derive(new PlanHistory(Validated(Now.AddMinutes(-1)), [], false), Strategy(version: 2));

        Assert.Equal(PlanStage.ValidationLapsed, status.Stage);
        Assert.False(status.Validation!.SameStrategyVersion);
        Assert.Contains("changed since", status.Validation.Lapse);
    }

    [Fact]
    public void Derive_ValidationOfOtherContent_Lapses()
    {
        var status = Derive(new PlanHistory(Validated(Now.AddMinutes(-1), hash: new string('0', 64)), [], false));

        Assert.Equal(PlanStage.ValidationLapsed, status.Stage);
        Assert.False(status.Validation!.SameHash);
    }

    [Fact]
    public void Derive_FailedValidation_OffersValidateAndDryRunOnly()
    {
        var status = Derive(new PlanHistory(Validated(Now.AddMinutes(-1), ValidationStatus.Fail), [], false));

        Assert.Equal(PlanStage.ValidationFailed, status.Stage);
        Assert.Equal([PlanStatus.Validate, PlanStatus.DryRun], Names(status));
    }

    [Fact]
    public void Derive_StrategyWithoutLive_DoesNotOfferLive_AndSaysWhy()
    {
        var status = Derive(new PlanHistory(Validated(Now.AddMinutes(-1)), [], false), Strategy(LiveSettings() with { LiveEnabled = false }));

        Assert.Equal([PlanStatus.DryRun], Names(status));
        Assert.Contains(status.Notes, n => n.Contains("does not enable LIVE"));
    }

    [Fact]
    public void Derive_NoStrategy_IsDryRunOnly()
    {
        var plan = PlanHasher.WithHash(Subject with { StrategyId = null });

        var status = PlanStatus.Derive(plan, PlanHistory.None, null, Now);

        Assert.Equal(PlanStage.DryRunOnly, status.Stage);
        Assert.Equal([PlanStatus.DryRun], Names(status));
    }

    [Fact]
    public void Derive_SuccessfulLive_NothingMoreToDo()
    {
        var history = new PlanHistory(Validated(Now.AddMinutes(-2)),
            [Ran(ExecutionMode.DryRun, ExecutionStatus.Success, Now.AddMinutes(-2), "e-1"), Ran(ExecutionMode.Live, ExecutionStatus.Success, Now.AddMinutes(-1), "e-2")], true);

        var status = Derive(history);

        Assert.Equal(PlanStage.ExecutedLive, status.Stage);
        Assert.Empty(status.Possible);
        Assert.Equal(2, status.Executions.Count);
        Assert.Contains(status.Notes, n => n.Contains("nothing more to do") && n.Contains("plan copy"));
    }

    [Fact]
    public void Derive_LiveOrdersRecordedWithoutSuccess_IsSentLive_AndOffersNoLive()
    {
        var history = new PlanHistory(Validated(Now.AddMinutes(-2)), [Ran(ExecutionMode.Live, ExecutionStatus.Failed, Now.AddMinutes(-1), "e-9")], true);

        var status = Derive(history);

        Assert.Equal(PlanStage.SentLive, status.Stage);
        Assert.Empty(status.Possible);
        Assert.Contains(status.Notes, n => n.Contains("executions show e-9"));
    }

    [Fact]
    public void Derive_BlockedLive_WithAFreshValidation_StillOffersLive()
    {
        var history = new PlanHistory(Validated(Now.AddMinutes(-2)), [Ran(ExecutionMode.Live, ExecutionStatus.Blocked, Now.AddMinutes(-1))], false);

        Assert.Equal([PlanStatus.DryRun, PlanStatus.Live], Names(Derive(history)));
    }

    [Fact]
    public void Derive_Cancel_NeedsNoValidation()
    {
        var plan = PlanHasher.WithHash(Subject with { Kind = PlanKind.Cancel });

        var status = PlanStatus.Derive(plan, PlanHistory.None, Current, Now);

        Assert.Equal(PlanStage.ReadyForLive, status.Stage);
        Assert.Equal([PlanStatus.DryRun, PlanStatus.Live], Names(status));
    }
}
