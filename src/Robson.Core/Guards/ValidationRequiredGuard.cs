using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>
/// LIVE needs the latest stored validation of this exact plan hash, PASS or WARNING, made under the
/// strategy's current version, younger than its TTL and not stamped in the future (ages on the venue's clock).
/// It is never asserted by a flag. A cancel needs none.
/// </summary>
public sealed class ValidationRequiredGuard : IExecutionGuard
{
    /// <summary>How far ahead of now a validation may be stamped before it counts as made on a clock running ahead.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromSeconds(5);

    public string Name => "ValidationRequired";

    public GuardResult Evaluate(GuardContext context)
    {
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, "A cancel needs no validation: it only takes an order off the book",
                ("validation_status", context.LatestValidation?.Status.Wire() ?? "NONE"));
        if (context.Mode == ExecutionMode.DryRun)
            return GuardResult.Pass(Name, "Validation not required for DRY-RUN",
                ("validation_status", context.LatestValidation?.Status.Wire() ?? "NONE"));

        var validation = context.LatestValidation;
        var requirement = ("requirement", (object?)$"run `robson validate {context.Plan.Id} --client-id {context.Plan.ClientId}`");
        if (validation is null)
            return GuardResult.Fail(Name, GuardCodes.ValidationMissing, "LIVE execution requires prior validation", requirement);
        if (validation.PlanHash != context.Plan.Hash)
            return GuardResult.Fail(Name, GuardCodes.ValidationHashMismatch, "Stored validation is for different plan content (hash mismatch)", requirement,
                ("validated_hash", validation.PlanHash), ("plan_hash", context.Plan.Hash));
        if (validation.Status == ValidationStatus.Fail)
            return GuardResult.Fail(Name, GuardCodes.ValidationFailed, "Validation failed", ("validation_id", validation.Id), ("failures", validation.Failures));
        if (context.Strategy is { } strategy && (validation.StrategyId != strategy.Id || validation.StrategyVersion != strategy.Version))
            return GuardResult.Fail(Name, GuardCodes.ValidationStrategyChanged, "Strategy changed since validation: validate again", requirement,
                ("validated_strategy_version", validation.StrategyVersion), ("strategy_version", strategy.Version));

        // Ages are measured on the venue's clock; a validation stamped later than now was made on a clock running
        // ahead, and its age cannot be known. Each command measures the venue's clock afresh, to within half a round
        // trip, so two commands may disagree by a little: only a stamp beyond that tolerance is in the future.
        if (validation.ValidatedAt - context.Now > FutureTolerance)
            return GuardResult.Fail(Name, GuardCodes.ValidationInFuture, $"Validation is stamped in the future ({validation.ValidatedAt:O}, now {context.Now:O}): validate again", requirement,
                ("validated_at", validation.ValidatedAt.ToString("O")), ("now", context.Now.ToString("O")));

        var ttl = TimeSpan.FromMinutes(context.Strategy?.Settings.ValidationTtlMinutes ?? Strategies.StrategySettings.DefaultValidationTtlMinutes);
        var age = context.Now - validation.ValidatedAt;
        if (age > ttl)
            return GuardResult.Fail(Name, GuardCodes.ValidationExpired, $"Validation expired ({(int)age.TotalMinutes} min old, TTL {(int)ttl.TotalMinutes} min): validate again", requirement,
                ("validated_at", validation.ValidatedAt.ToString("O")), ("ttl_minutes", (int)ttl.TotalMinutes));

        return GuardResult.Pass(Name, $"Plan validated successfully ({validation.Status.Wire()})",
            ("validation_id", validation.Id), ("validation_status", validation.Status.Wire()), ("validated_at", validation.ValidatedAt.ToString("O")));
    }
}
