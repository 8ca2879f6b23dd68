using Robson.Core.Domain;

namespace Robson.Core.Validation;

/// <summary>
/// The account can carry the plan: free balance covers each order plus fees (quote for buys, base for sells,
/// legs in order, so a rebalance's sells fund its buys); after a buy, the position stays within
/// max_position_size_percent of the tenant's equity at market prices.
/// </summary>
public sealed class AccountValidator : IPlanValidator
{
    public string Name => "Account";

    public IEnumerable<ValidationIssue> Validate(ValidationContext context)
    {
        if (context.Account is not { } account)
        {
            yield return ValidationIssue.Warning(ValidationCodes.AccountUnavailable,
                $"Balances, position size and drawdown on venue '{context.Plan.Venue}' were not checked: the venue gives balances only with credentials, which validation loads only with --with-account; LIVE will decide (it reads them and blocks on MAX_POSITION_EXCEEDED, MAX_DRAWDOWN_EXCEEDED or INSUFFICIENT_BALANCE)");
            yield break;
        }

        var free = new Dictionary<string, decimal>(account.Balances);
        var equity = account.Equity;
        var maxPosition = context.Strategy?.Settings.MaxPositionSizePercent;
        var legs = context.Legs; // a buy by quote amount sized from the book
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var legNo = i + 1;
            if (!context.Rules.TryGetValue(leg.Symbol, out var rules)) continue;
            if (leg.IsCancel)
            {
                // The plan first cancels a protective order: what it locks becomes free for the sell that follows.
                free[rules.BaseAsset] = free.GetValueOrDefault(rules.BaseAsset) + leg.Quantity;
                continue;
            }
            var fill = context.ExpectedFill(leg);
            if (leg.LimitPrice is null && fill is null) continue; // no price to value a market order: MarketSanity reports it
            var price = leg.LimitPrice ?? fill!.AveragePrice;
            // A buy by quote amount may spend all of it (the estimate rounds down; the venue may fill closer to it).
            var cost = leg.QuoteQuantity ?? price * leg.Quantity;
            var fee = cost * context.TakerFeeRate;
            if (leg.Side == OrderSide.Buy)
            {
                var available = free.GetValueOrDefault(rules.QuoteAsset);
                if (cost + fee > available)
                    yield return ValidationIssue.Failure(ValidationCodes.InsufficientBalance,
                        $"Needs {Decimals.Canonical(Math.Round(cost + fee, 8))} {rules.QuoteAsset} (order plus fee) but {Decimals.Canonical(available)} is free",
                        ("leg", legNo), ("asset", rules.QuoteAsset), ("required", Math.Round(cost + fee, 8)), ("free", available));
                free[rules.QuoteAsset] = available - cost - fee;
                free[rules.BaseAsset] = free.GetValueOrDefault(rules.BaseAsset) + leg.Quantity;

                var mark = account.PriceOf(rules.BaseAsset) is > 0 and var held ? held : context.FreshBook(leg.Symbol)?.Mid ?? 0m;
                if (maxPosition is { } pct && equity > 0 && mark > 0)
                {
                    // What protective stops lock is still held: it counts in the position.
                    var position = (free[rules.BaseAsset] + account.Locked.GetValueOrDefault(rules.BaseAsset)) * mark;
                    var cap = equity * pct / 100m;
                    if (position > cap)
                        yield return ValidationIssue.Failure(ValidationCodes.MaxPositionExceeded,
                            $"{rules.BaseAsset} position after the order ({Decimals.Canonical(Math.Round(position, 2))} {rules.QuoteAsset}) exceeds {Decimals.Canonical(pct)} % of equity ({Decimals.Canonical(Math.Round(cap, 2))})",
                            ("leg", legNo), ("asset", rules.BaseAsset), ("position_value", Math.Round(position, 8)), ("equity", Math.Round(equity, 8)),
                            ("max_position_size_percent", pct), ("max_position_value", Math.Round(cap, 8)));
                }
            }
            else
            {
                var available = free.GetValueOrDefault(rules.BaseAsset);
                if (leg.Quantity > available)
                    yield return ValidationIssue.Failure(ValidationCodes.InsufficientBalance,
                        $"Sells {Decimals.Canonical(leg.Quantity)} {rules.BaseAsset} but {Decimals.Canonical(available)} is free",
                        ("leg", legNo), ("asset", rules.BaseAsset), ("required", leg.Quantity), ("free", available));
                free[rules.BaseAsset] = available - leg.Quantity;
                free[rules.QuoteAsset] = free.GetValueOrDefault(rules.QuoteAsset) + cost - fee;
            }
        }
    }
}
