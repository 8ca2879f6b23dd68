using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>
/// The strategy approves what the plan does: its symbols, order types and per-order notional; LIVE also
/// needs a strategy that enables it. A plan without a strategy may only be dry-run.
/// </summary>
public sealed class PolicyGuard : IExecutionGuard
{
    public string Name => "Policy";

    public GuardResult Evaluate(GuardContext context)
    {
        var live = context.Mode == ExecutionMode.Live;
        if (context.Strategy is not { } strategy)
            return live
                ? GuardResult.Fail(Name, "LIVE requires a plan made under a strategy (plan with --strategy-id)", ("rule", "STRATEGY_REQUIRED"))
                : GuardResult.Pass(Name, "No strategy: DRY-RUN only");

        var s = strategy.Settings;
        var refusals = new List<string>();
        if (live && !s.LiveEnabled)
            refusals.Add($"strategy '{strategy.Name}' does not enable LIVE (strategy set --live-enabled)");
        for (var i = 0; i < context.Plan.Legs.Count; i++)
        {
            var leg = context.Plan.Legs[i];
            if (!s.AllowsSymbol(leg.Symbol))
                refusals.Add($"symbol {leg.Symbol} is not allowed by the strategy");
            if (!s.AllowedOrderTypes.Contains(leg.Type))
                refusals.Add($"order type {leg.Type.Wire()} is not allowed by the strategy");
            if (s.MaxNotionalPerOrder is { } max && i < context.Exposure.LegNotionals.Count && context.Exposure.LegNotionals[i] > max)
                refusals.Add($"order notional {Decimals.Canonical(Math.Round(context.Exposure.LegNotionals[i], 8))} exceeds max_notional_per_order {Decimals.Canonical(max)}");
        }

        return refusals.Count == 0
            ? GuardResult.Pass(Name, live ? "Strategy allows LIVE for this plan" : "Strategy allows this plan",
                ("strategy_id", strategy.Id), ("strategy_version", strategy.Version))
            : GuardResult.Fail(Name, "Policy refuses: " + string.Join("; ", refusals),
                ("strategy_id", strategy.Id), ("strategy_version", strategy.Version));
    }
}
