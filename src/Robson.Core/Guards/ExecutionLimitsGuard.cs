using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>
/// Daily limits, projected: today's figure plus this plan's must stay within each limit; today's realised
/// loss must be below max_loss_per_day. LIVE requires all three limits to be configured. In DRY-RUN the
/// same check runs and is reported as "would block LIVE", never blocking.
/// </summary>
public sealed class ExecutionLimitsGuard : IExecutionGuard
{
    public string Name => "ExecutionLimits";

    public GuardResult Evaluate(GuardContext context)
    {
        var today = context.Today;
        var plan = context.Exposure;
        var limits = context.Strategy?.Settings;
        var details = new (string, object?)[]
        {
            ("orders_today", today.Orders), ("orders_planned", plan.Orders), ("max_orders_per_day", limits?.MaxOrdersPerDay),
            ("notional_today", today.Notional), ("notional_planned", Math.Round(plan.Notional, 8)), ("max_notional_per_day", limits?.MaxNotionalPerDay),
            ("loss_today", today.RealisedLoss), ("max_loss_per_day", limits?.MaxLossPerDay),
        };
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, "A cancel adds no order and no notional: allowed whatever today's figures", details);
        if (limits is null)
            return context.Mode == ExecutionMode.Live
                ? GuardResult.Fail(Name, GuardCodes.LimitsNotConfigured, "No strategy, so no daily limits: LIVE refused", details)
                : GuardResult.Pass(Name, "No strategy: limits not applicable to DRY-RUN", details);

        var breaches = new List<(string Code, string Text)>();
        if (limits.MaxOrdersPerDay is not { } maxOrders)
            breaches.Add((GuardCodes.LimitsNotConfigured, "max_orders_per_day is not set"));
        else if (today.Orders + plan.Orders > maxOrders)
            breaches.Add((GuardCodes.MaxOrdersPerDay, $"Max orders limit: {today.Orders} today + {plan.Orders} planned > {maxOrders}"));

        if (limits.MaxNotionalPerDay is not { } maxNotional)
            breaches.Add((GuardCodes.LimitsNotConfigured, "max_notional_per_day is not set"));
        else if (today.Notional + plan.Notional > maxNotional)
            breaches.Add((GuardCodes.MaxNotionalPerDay, $"Max notional limit: {Decimals.Canonical(today.Notional)} today + {Decimals.Canonical(Math.Round(plan.Notional, 8))} planned > {Decimals.Canonical(maxNotional)}"));

        if (limits.MaxLossPerDay is not { } maxLoss)
            breaches.Add((GuardCodes.LimitsNotConfigured, "max_loss_per_day is not set"));
        else if (today.RealisedLoss >= maxLoss)
            breaches.Add((GuardCodes.MaxLossPerDay, $"Max loss limit reached: {Decimals.Canonical(today.RealisedLoss)} >= {Decimals.Canonical(maxLoss)}"));

        if (breaches.Count == 0)
            return GuardResult.Pass(Name, context.Mode == ExecutionMode.Live
                ? "All execution limits within bounds"
                : "Within daily limits (limits are enforced for LIVE only)", details);

        var reason = string.Join("; ", breaches.Select(b => b.Text));
        return context.Mode == ExecutionMode.Live
            ? GuardResult.Fail(Name, breaches[0].Code, reason, details)
            : GuardResult.Pass(Name, GuardResult.WouldBlockLive + reason, details);
    }
}
