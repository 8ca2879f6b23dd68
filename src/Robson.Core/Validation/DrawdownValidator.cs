using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>Current drawdown of the tenant's equity from its recorded peak must stay within max_drawdown_percent.</summary>
public sealed class DrawdownValidator : IPlanValidator
{
    public string Name => "Drawdown";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        if (context.Strategy?.Settings.MaxDrawdownPercent is not { } max || context.Account is not { } account || context.PeakEquity is not > 0)
            yield break;
        var peak = context.PeakEquity.Value;
        var drawdown = (peak - account.Equity) / peak * 100m;
        if (drawdown > max)
            yield return ValidationIssue.Failure(ValidationCodes.MaxDrawdownExceeded,
                $"Equity {Decimals.Canonical(Math.Round(account.Equity, 2))} is {Decimals.Canonical(Math.Round(drawdown, 2))} % below its peak {Decimals.Canonical(Math.Round(peak, 2))}, beyond max_drawdown_percent {Decimals.Canonical(max)} %",
                ("equity", Math.Round(account.Equity, 8)), ("peak_equity", Math.Round(peak, 8)), ("drawdown_percent", Math.Round(drawdown, 4)), ("max_drawdown_percent", max));
    }
}
