using Robson.Core.Domain;
using Robson.Core.Validation;

namespace Robson.Core.Guards;

/// <summary>
/// The market-dependent rules of validation, checked again on the market as it is now (PRICE_FILTER, PERCENT_PRICE,
/// PRICE_COLLAR, INSUFFICIENT_DEPTH, slippage, STOP_LOSS_INVALID, STOP_LOSS_RISK_EXCEEDED, MAX_NOTIONAL_PER_ORDER,
/// INSUFFICIENT_BALANCE, MAX_POSITION_EXCEEDED, MAX_DRAWDOWN_EXCEEDED): a stale validation never authorises an order
/// the market has since made unsafe. LIVE checks each order once more just before it leaves.
/// </summary>
public sealed class MarketConditionsGuard : IExecutionGuard
{
    /// <summary>The guard's name, shared with the check made as each LIVE order leaves (it reports under the same name).</summary>
    public const string GuardName = "MarketConditions";

    public string Name => GuardName;

    public GuardResult Evaluate(GuardContext context)
    {
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, "A cancel does not depend on the market");
        var verdict = Judge(Name, context.Mode, context.MarketFailures, context.MarketComparison, context.LatestValidation?.ValidatedAt);
        if (context.AccountChecked || !verdict.Passed)
            return verdict;
        // A DRY-RUN on a venue that gives balances only with credentials: say what was not checked, and that LIVE decides.
        var details = new Details();
        foreach (var (key, value) in verdict.Details) details[key] = value;
        details[AccountCheckedKey] = "false";
        return verdict with
        {
            Message = verdict.Message + "; balances not read (a DRY-RUN loads no credentials): LIVE reads them and checks funds, position size and drawdown",
            Details = details,
        };
    }

    /// <summary>Set to "false" in the details when the account could not be read, so LIVE readiness is not confirmed.</summary>
    public const string AccountCheckedKey = "account_checked";

    /// <summary>The verdict on a set of market failures; also used for the check made as each LIVE order leaves.</summary>
    public static GuardResult Judge(string name, ExecutionMode mode, IReadOnlyList<ValidationIssue> failures,
        IReadOnlyDictionary<string, string> comparison, DateTimeOffset? validatedAt)
    {
        var details = new List<(string, object?)>();
        foreach (var (key, value) in comparison) details.Add((key, value));
        if (validatedAt is { } at) details.Add(("validated_at", at.ToString("O")));
        if (failures.Count == 0)
            return GuardResult.Pass(name, "Market-dependent rules hold on the market now", [.. details]);
        details.Add(("codes", string.Join(",", failures.Select(f => f.Code).Distinct())));
        foreach (var failure in failures)
            foreach (var (key, value) in failure.Details)
                details.Add(($"{failure.Code.ToLowerInvariant()}.{key}", value));
        var reason = "The market now fails rules that validation checked: " + MarketConditions.Describe(failures);
        return mode == ExecutionMode.Live
            ? GuardResult.Fail(name, GuardCodes.MarketConditionsFailed, reason, [.. details])
            : GuardResult.Pass(name, GuardResult.WouldBlockLive + reason, [.. details]);
    }
}
