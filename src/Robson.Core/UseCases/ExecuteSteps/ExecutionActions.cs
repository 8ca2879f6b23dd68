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
        var result = fill is { FullyFilled: true }
            ? "Simulated successfully (no real order placed)"
            : $"Simulated: only {Decimals.Canonical(fill?.FilledQuantity ?? 0)} of {Decimals.Canonical(leg.Quantity)} would fill against the book now" +
              (leg.LimitPrice is null ? "" : " at or better than the limit") + " (no real order placed)";
        return new ExecutionAction(ExecutionAction.Simulated, $"Simulated {leg.Describe()}", details, result);
    }

    public static ExecutionAction Real(IVenue venue, PlanLeg leg, LegOutcome outcome) => leg.IsCancel
        ? Cancel(venue, leg, outcome.Answer)
        : Order(venue, leg, outcome);

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
            ("status", answer.Status), ("price_cap", outcome.PriceCap), ("executed_quantity", answer.ExecutedQuantity), ("average_price", average),
            ("notional", Math.Round(answer.ExecutedNotional, 8)), ("fee", fee), ("fee_asset", feeAsset), ("reason", answer.Reason));
        var status = answer.Status;
        var result = true switch
        {
            _ when status == OrderStatus.Rejected => $"Order rejected by {venue.Name}: {answer.Reason}",
            _ when status == OrderStatus.Unknown => $"Outcome unknown on {venue.Name}: {answer.Reason} (counted until reconciled)",
            _ when status == OrderStatus.NotSent => $"Not sent to {venue.Name}: {answer.Reason}",
            _ => $"Order {answer.Status} on {venue.Name}: {Decimals.Canonical(answer.ExecutedQuantity)} @ {Decimals.Canonical(average)}, fee {Decimals.Canonical(fee)} {feeAsset}"
                 + (answer.Reason is null ? "" : $" ({answer.Reason})"),
        };
        return new ExecutionAction(ExecutionAction.Real, $"LIVE {Describe(leg, outcome.PriceCap)} on {venue.Name}", details, result);
    }

    private static ExecutionAction Cancel(IVenue venue, PlanLeg leg, VenueOrderResult answer) =>
        new(ExecutionAction.Real, $"LIVE {leg.Describe()} on {venue.Name}",
            Details.Of(("venue", venue.Name), ("client_order_id", leg.CancelsOrder), ("status", answer.Status),
                ("executed_quantity", answer.ExecutedQuantity), ("reason", answer.Reason)),
            answer.Status == OrderStatus.Canceled ? $"Order canceled on {venue.Name}" : $"Cancel not confirmed on {venue.Name}: {answer.Status} {answer.Reason}");
}
