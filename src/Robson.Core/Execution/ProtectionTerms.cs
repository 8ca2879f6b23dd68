using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Core.Execution;

/// <summary>
/// What a filled BUY entry's protective order is: a SELL of the quantity Robson holds from it, triggered at the plan's
/// stop, with a limit <c>stop_limit_offset_percent</c> below the stop (and, with a take-profit, an OCO).
/// </summary>
public sealed record ProtectionTerms(decimal Quantity, decimal StopPrice, decimal StopLimitPrice, decimal? TakeProfitPrice)
{
    /// <summary>
    /// The terms for protecting <paramref name="held"/> of what <paramref name="entry"/> bought (net of a fee taken in the
    /// base asset: see <see cref="NetBought"/>), or why there can be none. The quantity is rounded down to the lot step;
    /// every price and the quantity are checked against the symbol's filters first, as the venue would.
    /// </summary>
    public static Parsed<ProtectionTerms> For(OrderRecord entry, decimal held, SymbolRules rules, decimal stopLimitOffsetPercent) =>
        entry.StopPrice is { } stop
            ? For(stop, entry.TakeProfitPrice, held, rules, stopLimitOffsetPercent)
            : Parsed<ProtectionTerms>.Fail($"{entry.ClientOrderId} has no stop-loss to protect it with");

    /// <summary>The same terms for a planned stop (validation checks them before the buy can fill).</summary>
    public static Parsed<ProtectionTerms> For(decimal stop, decimal? takeProfit, decimal held, SymbolRules rules, decimal stopLimitOffsetPercent)
    {
        var lot = rules.LotSize;
        var quantity = lot is { StepSize: > 0 } ? lot.MinQty + Decimals.FloorToStep(Math.Max(0, held - lot.MinQty), lot.StepSize) : held;
        if (held <= 0 || quantity <= 0 || quantity > held)
            return Parsed<ProtectionTerms>.Fail($"{NothingLeft}: {Decimals.Canonical(Math.Max(0, held))} {rules.BaseAsset} held");
        var tick = rules.TickSize;
        var limit = tick > 0 ? Decimals.FloorToStep(stop * (1 - stopLimitOffsetPercent / 100m), tick) : stop * (1 - stopLimitOffsetPercent / 100m);
        var terms = new ProtectionTerms(quantity, stop, limit, takeProfit);
        return terms.FilterFailure(rules) is { } failure ? Parsed<ProtectionTerms>.Fail(failure) : Parsed<ProtectionTerms>.Ok(terms);
    }

    public const string NothingLeft = "nothing left to protect";

    /// <summary>What fills bought, less a fee the venue took in the base asset (Binance charges buys in the asset received).</summary>
    public static decimal NetBought(IEnumerable<FillRecord> fills, string baseAsset) =>
        fills.Sum(f => f.Quantity - (f.FeeAsset == baseAsset ? f.Fee : 0m));

    /// <summary>The first symbol filter the order would fail (the venue's words: "Filter failure: NAME"), or null.</summary>
    private string? FilterFailure(SymbolRules rules)
    {
        if (rules.LotSize is { } lot && !lot.IsValid(Quantity))
            return $"Filter failure: LOT_SIZE (quantity {Decimals.Canonical(Quantity)} {rules.BaseAsset}, minimum {Decimals.Canonical(lot.MinQty)})";
        foreach (var (name, price) in Prices())
        {
            if (price <= 0)
                return $"Filter failure: PRICE_FILTER ({name} {Decimals.Canonical(price)} is not positive)";
            if (rules.Price is { } filter && ((filter.MinPrice > 0 && price < filter.MinPrice) || (filter.MaxPrice > 0 && price > filter.MaxPrice)
                                               || !Decimals.IsMultipleOf(price - filter.MinPrice, filter.TickSize)))
                return $"Filter failure: PRICE_FILTER ({name} {Decimals.Canonical(price)})";
        }
        if (rules.MinNotional > 0 && StopLimitPrice * Quantity < rules.MinNotional)
            return $"Filter failure: NOTIONAL ({Decimals.Canonical(Quantity)} × {Decimals.Canonical(StopLimitPrice)} is below the minimum {Decimals.Canonical(rules.MinNotional)})";
        return null;
    }

    private IEnumerable<(string Name, decimal Price)> Prices()
    {
        yield return ("stop price", StopPrice);
        yield return ("stop limit price", StopLimitPrice);
        if (TakeProfitPrice is { } tp) yield return ("take-profit price", tp);
    }

    public string Describe(Symbol symbol) =>
        $"SELL {Decimals.Canonical(Quantity)} {symbol} " + (TakeProfitPrice is { } tp
            ? $"OCO take-profit {Decimals.Canonical(tp)} / stop {Decimals.Canonical(StopPrice)} limit {Decimals.Canonical(StopLimitPrice)}"
            : $"STOP_LOSS_LIMIT stop {Decimals.Canonical(StopPrice)} limit {Decimals.Canonical(StopLimitPrice)}");
}
