using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Core.Guards;

/// <summary>
/// Runs first, before any other guard does work: the strategy must approve the plan's kind, mode, symbols
/// and order types, and unsafe combinations are refused. Each refusal names its rule:
/// STRATEGY_REQUIRED (LIVE without a strategy), LIVE_DISABLED, PLAN_KIND_NOT_ALLOWED, SYMBOL_NOT_ALLOWED,
/// ORDER_TYPE_NOT_ALLOWED, MARKET_WITHOUT_NOTIONAL_LIMIT (a LIVE market order needs max_notional_per_order),
/// MAX_NOTIONAL_PER_ORDER. A cancel passes whatever the strategy says: taking an order off the book only reduces risk.
/// </summary>
public sealed class PolicyGuard : IExecutionGuard
{
    public string Name => "Policy";

    public GuardResult Evaluate(GuardContext context)
    {
        var live = context.Mode == ExecutionMode.Live;
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, "A cancel only takes an order off the book: allowed whatever the strategy's plan kinds, symbols, order types and LIVE setting",
                ("strategy_id", context.Strategy?.Id), ("strategy_version", context.Strategy?.Version));
        if (context.Strategy is not { } strategy)
            return live
                ? GuardResult.Fail(Name, GuardCodes.StrategyRequired, $"Policy refuses [{GuardCodes.StrategyRequired}] LIVE requires a plan made under a strategy (plan with --strategy-id)",
                    ("rules", GuardCodes.StrategyRequired))
                : GuardResult.Pass(Name, "No strategy: DRY-RUN only");

        var refusals = Refusals(context.Plan, strategy.Name, strategy.Settings, context.Exposure, live).ToList();
        return refusals.Count == 0
            ? GuardResult.Pass(Name, live ? "Strategy allows LIVE for this plan" : "Strategy allows this plan",
                ("strategy_id", strategy.Id), ("strategy_version", strategy.Version))
            : GuardResult.Fail(Name, refusals[0].Rule, "Policy refuses " + string.Join("; ", refusals.Select(r => $"[{r.Rule}] {r.Reason}")),
                ("strategy_id", strategy.Id), ("strategy_version", strategy.Version), ("rules", string.Join(",", refusals.Select(r => r.Rule).Distinct())));
    }

    private static IEnumerable<(string Rule, string Reason)> Refusals(Plan plan, string name, Strategies.StrategySettings s, PlanExposure exposure, bool live)
    {
        if (live && !s.LiveEnabled)
            yield return (GuardCodes.LiveDisabled, $"strategy '{name}' does not enable LIVE (strategy set --live-enabled)");
        if (!s.AllowedPlanKinds.Contains(plan.Kind))
            yield return (GuardCodes.PlanKindNotAllowed, $"plan kind {plan.Kind.Wire()} is not allowed by the strategy");
        for (var i = 0; i < plan.Legs.Count; i++)
        {
            var leg = plan.Legs[i];
            if (leg.IsCancel) continue; // a sell plan's cancel of a protective order: taking an order off is always allowed
            if (!s.AllowsSymbol(leg.Symbol))
                yield return (GuardCodes.SymbolNotAllowed, $"symbol {leg.Symbol} is not allowed by the strategy");
            if (!s.AllowedOrderTypes.Contains(leg.Type))
                yield return (GuardCodes.OrderTypeNotAllowed, $"order type {leg.Type.Wire()} is not allowed by the strategy");
            if (live && leg.Type == OrderType.Market && s.MaxNotionalPerOrder is null)
                yield return (GuardCodes.MarketWithoutNotionalLimit, "a LIVE market order needs max_notional_per_order (strategy set --max-notional-per-order X)");
            if (s.MaxNotionalPerOrder is { } max && i < exposure.ExpectedNotionals.Count && exposure.ExpectedNotionals[i] > max)
                yield return (GuardCodes.MaxNotionalPerOrder, $"order notional {Decimals.Canonical(Math.Round(exposure.ExpectedNotionals[i], 8))} exceeds max_notional_per_order {Decimals.Canonical(max)}");
        }
    }
}
