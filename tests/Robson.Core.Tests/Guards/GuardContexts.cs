using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Plans;
using Robson.Core.Strategies;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

/// <summary>
/// Guard contexts that pass every guard; a test changes the one thing its rule is about
/// (<c>GuardContexts.Live() with { RiskAcknowledged = false }</c>).
/// </summary>
internal static class GuardContexts
{
    /// <summary>LIVE, acknowledged, validated 5 minutes ago, nothing traded today, one order of notional 50.</summary>
    public static GuardContext Live()
    {
        var plan = Plan();
        var strategy = Strategy();
        return new GuardContext(Client, plan, strategy, ExecutionMode.Live, RiskAcknowledged: true,
            ValidationOf(plan, strategy, ValidationStatus.Pass, Now.AddMinutes(-5)), Now,
            DailyUsage.None, new PlanExposure([50m]), PlanAlreadySent: false);
    }

    /// <summary>DRY-RUN with nothing prepared: no acknowledgement, no validation.</summary>
    public static GuardContext DryRun() =>
        Live() with { Mode = ExecutionMode.DryRun, RiskAcknowledged = false, LatestValidation = null };

    public static ValidationReport ValidationOf(Plan plan, Strategy? strategy, ValidationStatus status, DateTimeOffset at)
    {
        IReadOnlyList<ValidationIssue> issues = status switch
        {
            ValidationStatus.Fail => [ValidationIssue.Failure(ValidationCodes.LotSize, "off step")],
            ValidationStatus.Warning => [ValidationIssue.Warning(ValidationCodes.MaxPositionMissing, "not set")],
            _ => [],
        };
        return new ValidationReport("v4l1d001", plan.Id, plan.Hash, plan.ClientId, strategy?.Id, strategy?.Version, status, issues, at);
    }

    /// <summary>The same context under a strategy whose settings are changed but whose version is not.</summary>
    public static GuardContext WithSettings(this GuardContext context, Func<StrategySettings, StrategySettings> change) =>
        context with { Strategy = context.Strategy! with { Settings = change(context.Strategy.Settings) } };
}
