using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>
/// Stop-loss logic for buys under a strategy with stop_loss_percent: the plan must carry a stop-loss below the
/// entry and no farther than stop_loss_percent (missing: FAIL with the computed suggestion), and the loss at
/// the stop must fit what max_loss_per_day (still available today, fees included) and max_position_size allow.
/// Rebalance legs carry no stop-loss and are not checked here.
/// </summary>
public sealed class StopLossValidator : IPlanValidator
{
    public string Name => "StopLoss";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context) => Placeable(context).Concat(WithinTheStrategy(context));

    /// <summary>
    /// Any buy with a stop-loss: the protective order placed once it fills must pass the symbol's filters (e.g. a stop
    /// limit so low that quantity × price falls under the minimum notional), or the position would end UNPROTECTED.
    /// The fee may be taken in the asset bought, so the quantity checked is what remains after it.
    /// </summary>
    private static IEnumerable<ValidationIssue> Placeable(ValidationContext context)
    {
        if (context.Plan.Kind == PlanKind.Rebalance) yield break;
        var offset = context.Strategy?.Settings.StopLimitOffsetPercent ?? Strategies.StrategySettings.DefaultStopLimitOffsetPercent;
        var legs = context.Legs; // a buy by quote amount sized from the book
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (leg.IsCancel || leg.Side != OrderSide.Buy || leg.StopLoss is not { } stop || !context.Rules.TryGetValue(leg.Symbol, out var rules)) continue;
            var terms = Execution.ProtectionTerms.For(stop, leg.TakeProfit, leg.Quantity * (1 - context.TakerFeeRate), rules, offset);
            if (!terms.Success)
                yield return ValidationIssue.Failure(ValidationCodes.ProtectiveOrderInvalid,
                    $"The protective stop placed once this buy fills would be refused by the venue: {terms.Error}",
                    ("leg", i + 1), ("stop_loss", stop), ("stop_limit_offset_percent", offset));
        }
    }

    private static IEnumerable<ValidationIssue> WithinTheStrategy(ValidationContext context)
    {
        if (context.Strategy?.Settings is not { StopLossPercent: { } pct and > 0 and <= 100 } settings || context.Plan.Kind == PlanKind.Rebalance)
            yield break;
        var legs = context.Legs; // a buy by quote amount sized from the book
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var legNo = i + 1;
            if (leg.Side != OrderSide.Buy || context.ReferencePrice(leg) is not { } entry) continue;
            var tick = context.Rules.TryGetValue(leg.Symbol, out var rules) ? rules.TickSize : 0m;
            var lowest = entry * (1 - pct / 100m);
            var suggestion = tick > 0 ? Decimals.CeilingToStep(lowest, tick) : lowest;

            if (leg.StopLoss is not { } stop)
            {
                yield return ValidationIssue.Failure(ValidationCodes.StopLossRequired,
                    $"The strategy requires a stop-loss within {Decimals.Canonical(pct)} %: plan again with --stop-loss {Decimals.Canonical(suggestion)} (or higher, below {Decimals.Canonical(entry)})",
                    ("leg", legNo), ("entry", entry), ("stop_loss_percent", pct), ("suggested_stop_loss", suggestion));
                continue;
            }
            if (stop >= entry)
            {
                yield return ValidationIssue.Failure(ValidationCodes.StopLossInvalid,
                    $"Stop-loss {Decimals.Canonical(stop)} must be below the entry {Decimals.Canonical(entry)} of a buy",
                    ("leg", legNo), ("stop_loss", stop), ("entry", entry), ("suggested_stop_loss", suggestion));
                continue;
            }
            var distance = (entry - stop) / entry * 100m;
            if (distance > pct)
                yield return ValidationIssue.Failure(ValidationCodes.StopLossInvalid,
                    $"Stop-loss {Decimals.Canonical(stop)} is {Decimals.Canonical(Math.Round(distance, 6))} % below the entry, farther than stop_loss_percent {Decimals.Canonical(pct)} %",
                    ("leg", legNo), ("stop_loss", stop), ("entry", entry), ("distance_percent", Math.Round(distance, 8)), ("suggested_stop_loss", suggestion));

            var priceLoss = (entry - stop) * leg.Quantity;
            var lossAtStop = priceLoss + (entry + stop) * leg.Quantity * context.TakerFeeRate;
            if (settings.MaxLossPerDay is { } maxLoss && lossAtStop > maxLoss - context.Today.RealisedLoss)
                yield return ValidationIssue.Failure(ValidationCodes.StopLossRiskExceeded,
                    $"Loss at the stop ({Decimals.Canonical(Math.Round(lossAtStop, 8))}, fees included) exceeds what max_loss_per_day still allows today ({Decimals.Canonical(maxLoss - context.Today.RealisedLoss)})",
                    ("leg", legNo), ("loss_at_stop", Math.Round(lossAtStop, 8)), ("max_loss_per_day", maxLoss), ("loss_today", context.Today.RealisedLoss));
            if (settings.MaxPositionSizePercent is { } maxPosition && context.Account is { Equity: > 0 } account)
            {
                var allowed = account.Equity * maxPosition / 100m * pct / 100m;
                if (priceLoss > allowed)
                    yield return ValidationIssue.Failure(ValidationCodes.StopLossRiskExceeded,
                        $"Loss at the stop ({Decimals.Canonical(Math.Round(priceLoss, 8))}) exceeds a full-size position's stop loss ({Decimals.Canonical(Math.Round(allowed, 8))} = equity × max_position_size_percent × stop_loss_percent)",
                        ("leg", legNo), ("loss_at_stop", Math.Round(priceLoss, 8)), ("allowed_loss", Math.Round(allowed, 8)));
            }
        }
    }
}
