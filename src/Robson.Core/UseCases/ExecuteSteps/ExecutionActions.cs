using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Ports;

namespace Robson.Core.UseCases.ExecuteSteps;

/// <summary>The actions an execution reports: what was simulated (DRY-RUN) or what each venue said (LIVE).</summary>
internal static class ExecutionActions
{
    public static ExecutionAction Simulated(IVenue venue, MarketSnapshot market, decimal collarPercent, PlanLeg leg, SimulatedFill? fill)
    {
        if (leg.IsCancel)
            return new ExecutionAction(ExecutionAction.Simulated, $"Simulated {leg.Describe()}", Details.Of(("venue", venue.Name), ("client_order_id", leg.CancelsOrder)),
                "Simulated successfully (no cancel request sent)");
        var rules = market.Rules.GetValueOrDefault(leg.Symbol);
        var cap = PriceCap.For(leg, market.Mid(leg.Symbol), collarPercent, rules?.TickSize ?? 0m);
        var details = fill is null
            ? Details.Of(("venue", venue.Name))
            : Details.Of(("venue", venue.Name), ("symbol", leg.Symbol), ("side", leg.Side.Wire()), ("type", leg.Type.Wire()),
                ("quantity", leg.Quantity), ("limit_price", leg.LimitPrice), ("price_cap", cap), ("filled_quantity", fill.FilledQuantity),
                ("average_price", fill.AveragePrice), ("notional", Math.Round(fill.Notional, 8)), ("mid", fill.Mid),
                ("slippage_bps", fill.SlippageBps), ("fee", Math.Round(fill.Fee, 8)), ("fee_asset", rules?.QuoteAsset ?? ""));
        if (leg.QuoteQuantity is { } quote && fill is not null) details["quote_quantity"] = Decimals.Canonical(quote); // what the estimate spends up to
        var result = fill is { FullyFilled: true }
            ? "Simulated successfully (no real order placed)"
            : $"Simulated: only {Decimals.Canonical(fill?.FilledQuantity ?? 0)} of {Decimals.Canonical(leg.Quantity)} would fill against the book now" +
              (leg.LimitPrice is null ? "" : " at or better than the limit") + " (no real order placed)";
        return new ExecutionAction(ExecutionAction.Simulated, $"Simulated {leg.Describe()}", details, result);
    }

    /// <summary>What a LIVE leg did: its order (or cancel), then each order sent to protect what it bought.</summary>
    public static IEnumerable<ExecutionAction> Real(IVenue venue, PlanLeg leg, LegOutcome outcome)
    {
        yield return leg.IsCancel ? Cancel(venue, leg, outcome.Answer) : Order(venue, leg, outcome);
        foreach (var step in outcome.Protection?.Steps ?? [])
            yield return Protective(venue, step);
    }

    /// <summary>
    /// A leg's outcome in one word: FILLED, PARTIALLY_FILLED (the rest still rests), RESTING (open on the book, nothing
    /// filled), EXPIRED, CANCELED, REJECTED, NOT_SENT, NOT_PLACED or UNKNOWN.
    /// </summary>
    public static string OutcomeOf(OrderStatus status) => status == OrderStatus.Acked ? "RESTING" : status.Wire;

    /// <summary>A market order's description says the price it may not fill beyond.</summary>
    private static string Describe(PlanLeg leg, decimal? cap) =>
        leg.Describe() + (cap is { } c ? $" (capped at {Decimals.Canonical(c)}: sent as LIMIT IOC)" : "");

    private static ExecutionAction Order(IVenue venue, PlanLeg leg, LegOutcome outcome)
    {
        var answer = outcome.Answer;
        var average = answer.ExecutedQuantity > 0 ? Math.Round(answer.ExecutedNotional / answer.ExecutedQuantity, 8) : 0m;
        var fee = answer.Fills.Sum(f => f.Commission);
        var feeAsset = answer.Fills.FirstOrDefault()?.CommissionAsset ?? "";
        var details = Details.Of(("venue", venue.Name), ("client_order_id", outcome.Order?.ClientOrderId), ("venue_order_id", answer.VenueOrderId),
            ("status", answer.Status), ("outcome", OutcomeOf(answer.Status)), ("price_cap", outcome.PriceCap), ("executed_quantity", answer.ExecutedQuantity),
            ("average_price", average), ("notional", Math.Round(answer.ExecutedNotional, 8)), ("fee", fee), ("fee_asset", feeAsset),
            ("protection", outcome.Protection?.State.ToString().ToUpperInvariant()), ("reason", answer.Reason), ("mid", outcome.MidAtSend));
        if (leg.QuoteQuantity is { } spend) details["quote_quantity"] = Decimals.Canonical(spend);
        var status = answer.Status;
        var filled = leg.QuoteQuantity is { } quote
            ? $"{Decimals.Canonical(answer.ExecutedQuantity)} bought for {Decimals.Canonical(Math.Round(answer.ExecutedNotional, 8))} of up to {Decimals.Canonical(quote)}"
            : $"{Decimals.Canonical(answer.ExecutedQuantity)} of {Decimals.Canonical(leg.Quantity)} filled";
        var result = true switch
        {
            _ when status == OrderStatus.Rejected => $"REJECTED by {venue.Name}: {answer.Reason}",
            _ when status == OrderStatus.Unknown => $"UNKNOWN outcome on {venue.Name}: {answer.Reason} (counted until reconciled)",
            _ when status == OrderStatus.NotSent => $"NOT_SENT to {venue.Name}: {answer.Reason}",
            _ when status == OrderStatus.NotPlaced => $"NOT_PLACED on {venue.Name}: {answer.Reason}",
            _ when status == OrderStatus.Acked => $"RESTING on {venue.Name}: {filled}, open at {Decimals.Canonical(leg.LimitPrice ?? 0)} until filled or canceled",
            _ when status == OrderStatus.PartiallyFilled => $"PARTIALLY_FILLED on {venue.Name}: {filled} @ {Decimals.Canonical(average)}, fee {Decimals.Canonical(fee)} {feeAsset}; the rest is resting",
            _ when status == OrderStatus.Filled => $"FILLED on {venue.Name}: {Decimals.Canonical(answer.ExecutedQuantity)} @ {Decimals.Canonical(average)}, fee {Decimals.Canonical(fee)} {feeAsset}",
            _ => $"{status} on {venue.Name}: {filled}" + (answer.ExecutedQuantity > 0 ? $" @ {Decimals.Canonical(average)}, fee {Decimals.Canonical(fee)} {feeAsset}" : ""),
        } + (answer.Reason is null || status == OrderStatus.Rejected || status.IsUnresolved || status == OrderStatus.NotSent || status == OrderStatus.NotPlaced
            ? "" : $" ({answer.Reason})");
        return new ExecutionAction(ExecutionAction.Real, $"LIVE {Describe(leg, outcome.PriceCap)} on {venue.Name}", details, result);
    }

    /// <summary>An order Robson sent to protect (or close) what a leg bought.</summary>
    private static ExecutionAction Protective(IVenue venue, Protection.ProtectionStep step)
    {
        var order = step.Order;
        var answer = step.Answer;
        var what = order.Role == OrderRole.Close
            ? $"SELL {Decimals.Canonical(order.Quantity)} {order.Symbol} MARKET"
            : new ProtectionTerms(order.Quantity, order.StopPrice ?? 0, order.Price ?? 0, order.TakeProfitPrice).Describe(order.Symbol);
        var details = Details.Of(("venue", venue.Name), ("role", order.Role.Wire), ("protects", order.Protects), ("client_order_id", order.ClientOrderId),
            ("venue_order_id", answer.VenueOrderId ?? order.VenueOrderId), ("status", answer.Status), ("outcome", OutcomeOf(answer.Status)),
            ("quantity", order.Quantity), ("stop_price", order.StopPrice), ("limit_price", order.Price), ("take_profit_price", order.TakeProfitPrice),
            ("executed_quantity", answer.ExecutedQuantity), ("reason", answer.Reason));
        var result = $"{OutcomeOf(answer.Status)} on {venue.Name} ({step.Action})" + (answer.Reason is { } reason ? $": {reason}" : "");
        return new ExecutionAction(ExecutionAction.Real, $"LIVE {order.Role.Wire} {what} on {venue.Name}", details, result);
    }

    private static ExecutionAction Cancel(IVenue venue, PlanLeg leg, VenueOrderResult answer) =>
        new(ExecutionAction.Real, $"LIVE {leg.Describe()} on {venue.Name}",
            Details.Of(("venue", venue.Name), ("client_order_id", leg.CancelsOrder), ("status", answer.Status),
                ("executed_quantity", answer.ExecutedQuantity), ("reason", answer.Reason)),
            answer.Status == OrderStatus.Canceled ? $"Order canceled on {venue.Name}" : $"Cancel not confirmed on {venue.Name}: {answer.Status} {answer.Reason}");
}
