using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Strategies;

namespace Robson.Core.Plans;

/// <summary>A step the trader can take next, with the command that takes it.</summary>
public sealed record PlanAction(string Name, string Command);

/// <summary>
/// The latest validation judged as LIVE's ValidationRequired guard would judge it now: bound to this content (hash) and
/// to the strategy's current version, within the TTL. <see cref="Lapse"/> says why it does not authorise LIVE.
/// </summary>
public sealed record ValidationStanding(
    ValidationStamp Stamp, bool SameHash, bool SameStrategyVersion, DateTimeOffset ExpiresAt, bool WithinTtl, string? Lapse)
{
    public bool AuthorisesLive => Lapse is null;
}

/// <summary>
/// Where a plan stands: its latest validation, its executions, its stage and what is still possible. Derived by
/// <see cref="Derive"/>, a pure function, so list and show (and later the HTTP API) agree.
/// </summary>
public sealed record PlanStatus(
    Plan Plan, ValidationStanding? Validation, IReadOnlyList<ExecutionStamp> Executions, bool SentLive, PlanStage Stage,
    IReadOnlyList<PlanAction> Possible, IReadOnlyList<string> Notes)
{
    public const string Validate = "validate";
    public const string DryRun = "execute (DRY-RUN)";
    public const string Live = "execute --live --acknowledge-risk";

    /// <param name="strategy">The plan's strategy as it is now (null when the plan has none).</param>
    /// <param name="now">Robson's clock. LIVE measures ages on the venue's clock, so near the TTL's end the two may disagree by a little.</param>
    public static PlanStatus Derive(Plan plan, PlanHistory history, Strategy? strategy, DateTimeOffset now)
    {
        var validation = history.LatestValidation is { } stamp ? Judge(plan, stamp, strategy, now) : null;
        var tenant = $"--client-id {plan.ClientId}";
        var validate = new PlanAction(Validate, $"robson validate {plan.Id} {tenant}");
        var dryRun = new PlanAction(DryRun, $"robson execute {plan.Id} {tenant}");
        var live = new PlanAction(Live, $"robson execute {plan.Id} {tenant} --live --acknowledge-risk");
        var copy = $"`robson plan copy {plan.Id} {tenant}` makes a new plan with the same content";

        PlanStatus Status(PlanStage stage, IReadOnlyList<PlanAction> possible, params string[] notes) =>
            new(plan, validation, history.Executions, history.SentLive, stage, possible, notes);

        // Once orders may have reached a venue the plan is never sent again (SingleLiveExecution): DRY-RUN would only
        // rehearse what already happened, so nothing is offered.
        if (history.Executions.LastOrDefault(e => e.Mode == ExecutionMode.Live && e.Status == ExecutionStatus.Success) is { } done)
            return Status(PlanStage.ExecutedLive, [], $"executed LIVE at {Stamp(done.ExecutedAt)} (execution {done.ExecutionId}): nothing more to do; {copy}");
        if (history.SentLive)
        {
            var last = history.Executions.LastOrDefault(e => e.Mode == ExecutionMode.Live);
            return Status(PlanStage.SentLive, [],
                $"LIVE orders were recorded{(last is null ? "" : $" (execution {last.ExecutionId}, {last.Status.Wire()})")}: they are never sent again; " +
                $"see `robson executions show {last?.ExecutionId ?? "ID"} {tenant}`; {copy}");
        }

        var liveDisabled = strategy is { Settings.LiveEnabled: false }
            ? $"strategy {strategy.Id} does not enable LIVE (strategy set {strategy.Id} {tenant} --live-enabled)"
            : null;
        if (plan.Kind == PlanKind.Cancel)
            return Status(PlanStage.ReadyForLive, [dryRun, live], "a cancel needs no validation");
        if (plan.StrategyId is null)
            return Status(PlanStage.DryRunOnly, [dryRun], "no strategy: DRY-RUN only; LIVE needs a plan made with --strategy-id");
        if (validation is null)
            return Status(PlanStage.New, [validate, dryRun], "LIVE needs a validation first");
        if (validation.Stamp.Status == ValidationStatus.Fail)
            return Status(PlanStage.ValidationFailed, [validate, dryRun], "the latest validation failed: see `robson validate` for its issues");
        if (!validation.AuthorisesLive)
            return Status(PlanStage.ValidationLapsed, [validate, dryRun], $"the latest validation no longer authorises LIVE: {validation.Lapse}; validate again");
        return liveDisabled is null
            ? Status(PlanStage.ReadyForLive, [dryRun, live])
            : Status(PlanStage.ReadyForLive, [dryRun], liveDisabled);
    }

    /// <summary>The checks of <see cref="ValidationRequiredGuard"/>, in its order, on Robson's clock.</summary>
    private static ValidationStanding Judge(Plan plan, ValidationStamp stamp, Strategy? strategy, DateTimeOffset now)
    {
        var ttl = TimeSpan.FromMinutes(strategy?.Settings.ValidationTtlMinutes ?? StrategySettings.DefaultValidationTtlMinutes);
        var expiresAt = stamp.ValidatedAt + ttl;
        var sameHash = stamp.PlanHash == plan.Hash;
        var sameVersion = strategy is not null && stamp.StrategyId == strategy.Id && stamp.StrategyVersion == strategy.Version;
        var inFuture = stamp.ValidatedAt - now > ValidationRequiredGuard.FutureTolerance;
        var withinTtl = !inFuture && now - stamp.ValidatedAt <= ttl;
        string? lapse =
            stamp.Status == ValidationStatus.Fail ? "it failed"
            : !sameHash ? "it was made for other plan content (hash mismatch)"
            : strategy is null ? "the plan's strategy is not found"
            : !sameVersion ? $"strategy {strategy.Id} changed since (validated under version {stamp.StrategyVersion?.ToString() ?? "none"}, now {strategy.Version})"
            : inFuture ? $"it is stamped in the future ({Stamp(stamp.ValidatedAt)})"
            : !withinTtl ? $"it expired at {Stamp(expiresAt)} (TTL {(int)ttl.TotalMinutes} min)"
            : null;
        return new ValidationStanding(stamp, sameHash, sameVersion, expiresAt, withinTtl, lapse);
    }

    private static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
