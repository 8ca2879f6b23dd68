using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Validation;

/// <summary>
/// The rules of the validation stage that depend on the market and the account, run again when a LIVE order leaves:
/// a validation authorises a plan, it never freezes prices. Only failures count here (a warning never blocks).
/// </summary>
public static class MarketConditions
{
    public static readonly IReadOnlyList<IPlanValidator> Validators =
    [
        new SymbolRulesValidator(),
        new MarketSanityValidator(),
        new AccountValidator(),
        new StopLossValidator(),
        new DrawdownValidator(),
    ];

    /// <summary>
    /// Every market-dependent failure of the context's plan, legs numbered as in the plan. With
    /// <paramref name="requireAccount"/> (LIVE), a venue that gave no balances fails closed: funds, position size and
    /// drawdown cannot be checked, so ACCOUNT_UNAVAILABLE is a failure, not the warning validation gives.
    /// </summary>
    public static IReadOnlyList<ValidationIssue> Failures(ValidationContext context, bool requireAccount = false)
    {
        var failures = Validators.SelectMany(v => v.Validate(context)).Where(i => i.Severity == IssueSeverity.Failure).ToList();
        if (requireAccount && context.Account is null)
            failures.Insert(0, ValidationIssue.Failure(ValidationCodes.AccountUnavailable,
                $"Venue '{context.Plan.Venue}' gave no balances: funds, position size and drawdown cannot be checked, so LIVE does not send"));
        return failures;
    }

    /// <summary>The failures of one leg checked alone (as it is about to leave), reported under its number in the plan.</summary>
    public static IReadOnlyList<ValidationIssue> FailuresOfLeg(ValidationContext context, int legIndex, bool requireAccount = true)
    {
        var single = context with { Plan = context.Plan with { Legs = [context.Plan.Legs[legIndex]] } };
        return Failures(single, requireAccount).Select(i => i.Details.ContainsKey("leg") ? i with { Details = Renumbered(i.Details, legIndex + 1) } : i).ToList();
    }

    private static Details Renumbered(IReadOnlyDictionary<string, string> details, int legNo)
    {
        var copy = new Details();
        foreach (var (key, value) in details) copy[key] = value;
        copy["leg"] = legNo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }

    /// <summary>One line: each failure as [CODE] message.</summary>
    public static string Describe(IEnumerable<ValidationIssue> failures) => string.Join("; ", failures.Select(f => $"[{f.Code}] {f.Message}"));
}
