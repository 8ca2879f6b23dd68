using Robson.Core.Domain;

namespace Robson.Core.Guards;

/// <summary>
/// While the tenant has an order whose outcome is unknown (SENT or UNKNOWN, not settled by reconcile) on a
/// symbol, no new LIVE order on that symbol is sent: the position is not known. A cancel passes: taking an order
/// off the book only reduces risk.
/// </summary>
public sealed class UnresolvedOrdersGuard : IExecutionGuard
{
    public string Name => "UnresolvedOrders";

    public GuardResult Evaluate(GuardContext context)
    {
        var blocked = context.Plan.Legs.Select(l => l.Symbol.Value).Distinct().Where(context.UnresolvedSymbols.Contains).ToList();
        if (blocked.Count == 0)
            return GuardResult.Pass(Name, "No order of unknown outcome on these symbols");
        if (context.Plan.Kind == PlanKind.Cancel)
            return GuardResult.Pass(Name, $"Orders of unknown outcome on {string.Join(", ", blocked)}, but a cancel only takes an order off the book: allowed",
                ("symbols", string.Join(",", blocked)));
        var reason = $"Orders of unknown outcome on {string.Join(", ", blocked)}: run `robson reconcile --client-id {context.Plan.ClientId}` first";
        return context.Mode == ExecutionMode.Live
            ? GuardResult.Fail(Name, GuardCodes.UnresolvedOrders, reason, ("symbols", string.Join(",", blocked)))
            : GuardResult.Pass(Name, GuardResult.WouldBlockLive + reason, ("symbols", string.Join(",", blocked)));
    }
}
