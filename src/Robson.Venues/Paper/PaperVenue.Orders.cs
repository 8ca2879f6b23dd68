using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

public sealed partial class PaperVenue
{
    /// <summary>
    /// Places an order once. It takes what crosses the book now, walking the levels up to its limit (as taker); then a
    /// GTC LIMIT rests with the remainder (ACKED or PARTIALLY_FILLED, its funds locked), an IOC or capped market order
    /// expires it, and a FOK that cannot fill completely fills nothing (EXPIRED). Refused (REJECTED): an unknown symbol,
    /// a request past its order window (not recorded), a client order id seen before, a filter failure, too few free funds.
    /// </summary>
    public VenueOrderResult PlaceOrder(VenueOrderRequest request)
    {
        var leg = request.Leg;
        var now = time.GetUtcNow();
        if (FindSymbol(leg.Symbol) is not { } rules)
            return Reject($"unknown symbol {leg.Symbol}");
        if (PaperOrderChecks.OutsideWindow(request.SentAt, now, OrderWindow) is { } late)
            return Reject(late);

        using var tx = unitOfWork.BeginExclusive(request.ClientId);
        // Like a real exchange, the paper venue refuses a client order id it has seen: an order is never placed twice.
        if (ledger.FindPaperOrder(request.ClientId, request.ClientOrderId) is not null)
            return Reject("Duplicate order sent.");
        var order = Place(request, rules, now);
        ledger.RecordPaperOrder(order);
        tx.Commit();
        return order.AsResult();
    }

    private PaperOrderRecord Place(VenueOrderRequest request, SymbolRules rules, DateTimeOffset now)
    {
        // A buy by quote amount (quoteOrderQty on Binance) buys what the amount pays for at the asks now, rounded down to the
        // step; nothing it can buy is REJECTED as Binance does. It is then an uncapped market order of that quantity.
        var leg = request.Leg.QuoteQuantity is { } quote
            ? request.Leg with { Quantity = QuoteSizing.QuantityFor(GetOrderBook(request.Leg.Symbol), rules, quote) }
            : request.Leg;
        request = request with { Leg = leg };
        var timeInForce = request.TimeInForce;
        var order = new PaperOrderRecord(request.ClientId, request.ClientOrderId, leg.Symbol, leg.Side,
            leg.LimitPrice is null ? OrderType.Market : OrderType.Limit, leg.Quantity, request.EffectiveLimit, null, null,
            OrderStatus.Rejected, [], null, null, 0m, false, now);
        // Binance checks a quote order's value as the amount itself, and refuses one that buys nothing.
        if (leg.QuoteQuantity is { } quoteValue && quoteValue < rules.MinNotional)
            return order with { Reason = "Filter failure: NOTIONAL" };
        if (leg.IsByQuote && leg.Quantity <= 0)
            return order with { Reason = "Order book liquidity is less than `LOT_SIZE` filter minimum quantity." };
        if (PaperOrderChecks.FilterFailure(rules, leg.Quantity, request.EffectiveLimit) is { } filter)
            return order with { Reason = filter };

        // A capped market order fills like a LIMIT IOC at its cap: never beyond it.
        var taken = FillSimulator.Simulate(GetOrderBook(leg.Symbol), leg.Side, leg.Quantity, request.EffectiveLimit, FeeRate);
        IReadOnlyList<BookLevel> levels = timeInForce == TimeInForce.Fok && taken.FilledQuantity < leg.Quantity ? [] : taken.Fills;
        var filled = levels.Sum(l => l.Quantity);
        var notional = levels.Sum(l => l.Price * l.Quantity);
        var fee = notional * FeeRate;
        // Only a LIMIT order good till canceled rests; what it will pay (its limit, and the fee on it) is locked meanwhile.
        var resting = leg.LimitPrice is { } limit && timeInForce == TimeInForce.Gtc ? leg.Quantity - filled : 0m;
        var buy = leg.Side == OrderSide.Buy;
        var locked = buy ? resting * leg.LimitPrice.GetValueOrDefault() * (1 + FeeRate) : resting;
        var lockedAsset = buy ? rules.QuoteAsset : rules.BaseAsset;

        var account = PaperAccount.Load(ledger, request.ClientId);
        // A buy needs what it pays now and what it locks; a sell needs its whole quantity, as on Binance.
        var need = buy ? notional + fee + locked : leg.Quantity;
        if (need > account.Free(lockedAsset))
            return order with { Reason = $"insufficient balance: need {Decimals.Canonical(need)} {lockedAsset}, free {Decimals.Canonical(account.Free(lockedAsset))}" };

        account.Add(rules.QuoteAsset, buy ? -(notional + fee) : notional - fee);
        account.Add(rules.BaseAsset, buy ? filled : -filled);
        account.Add(lockedAsset, -locked);
        account.Save();

        var fills = PaperTrades.Make(request.ClientOrderId, 0, levels, rules.QuoteAsset);
        var unfilled = leg.Quantity - filled;
        var status = unfilled == 0 ? OrderStatus.Filled
            : resting > 0 ? (filled > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Acked)
            : OrderStatus.Expired;
        return order with
        {
            Status = status, Fills = fills, Locked = resting > 0 ? locked : 0m, LockedAsset = resting > 0 ? lockedAsset : null,
            Reason = status == OrderStatus.Expired ? ExpiryReason(timeInForce, request, unfilled) : null,
        };
    }

    private static string ExpiryReason(TimeInForce timeInForce, VenueOrderRequest request, decimal unfilled) => true switch
    {
        _ when timeInForce == TimeInForce.Fok => "FOK: the book could not fill all of it at once, so nothing filled",
        _ when request.EffectiveLimit is { } limit =>
            $"{timeInForce.Wire()}: unfilled {Decimals.Canonical(unfilled)} expired (nothing more crossed {Decimals.Canonical(limit)})",
        _ => $"the book could not fill it all: unfilled {Decimals.Canonical(unfilled)} expired",
    };
}
