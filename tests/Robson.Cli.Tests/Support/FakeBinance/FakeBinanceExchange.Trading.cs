using System.Text.RegularExpressions;

namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// Signed trading endpoints: new order (LIMIT, LIMIT_MAKER, MARKET, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT), test
/// order, query, cancel, open and all orders; matching against the synthetic book. Stops and OCO lists: the
/// Stops and OrderLists files. Run under the lock, after <see cref="Authenticate"/>.
/// </summary>
public sealed partial class FakeBinanceExchange
{
    [GeneratedRegex(@"^[\.A-Z\:/a-z0-9_-]{1,36}$")]
    private static partial Regex ClientOrderIdPattern();

    private const string ClientOrderIdRange = @"^[\.A-Z\:/a-z0-9_-]{1,36}$";

    private Handled PlaceOrder(BinanceRequest r, bool test)
    {
        var spec = _symbols.TryGetValue(r.Required("symbol"), out var s) ? s : throw BinanceError.InvalidSymbol();
        var side = r.Required("side");
        if (side is not ("BUY" or "SELL")) throw new BinanceError(400, -1117, "Invalid side.");
        var type = r.Required("type");
        if (type is not ("LIMIT" or "LIMIT_MAKER" or "MARKET" or "STOP_LOSS_LIMIT" or "TAKE_PROFIT_LIMIT")) throw new BinanceError(400, -1116, "Invalid orderType.");
        var limit = type != "MARKET";
        var triggered = IsTriggeredType(type);

        var timeInForce = r.Optional("timeInForce");
        if (type == "LIMIT" || triggered)
        {
            if (timeInForce is null) throw BinanceError.Mandatory("timeInForce");
            if (timeInForce is not ("GTC" or "IOC" or "FOK")) throw new BinanceError(400, -1115, "Invalid timeInForce.");
        }
        else if (timeInForce is not null)
        {
            throw BinanceError.NotRequired("timeInForce");
        }

        var quantity = r.Decimal("quantity");
        var quoteOrderQty = r.Decimal("quoteOrderQty");
        var price = r.Decimal("price");
        var stopPrice = r.Decimal("stopPrice");
        if (triggered && stopPrice is null) throw BinanceError.Mandatory("stopPrice");
        if (!triggered && stopPrice is not null) throw BinanceError.NotRequired("stopPrice");
        if (limit)
        {
            if (quantity is null) throw BinanceError.Mandatory("quantity");
            if (price is null) throw BinanceError.Mandatory("price");
            if (quoteOrderQty is not null) throw BinanceError.NotRequired("quoteOrderQty");
        }
        else
        {
            if (price is not null) throw BinanceError.NotRequired("price");
            if (quantity is null && quoteOrderQty is null)
                throw new BinanceError(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
            if (quantity is not null && quoteOrderQty is not null) throw BinanceError.NotRequired("quoteOrderQty");
        }

        var respType = r.Optional("newOrderRespType") ?? (type == "LIMIT_MAKER" ? "ACK" : "FULL");
        if (respType is not ("ACK" or "RESULT" or "FULL"))
            throw new BinanceError(400, -1130, "Data sent for parameter 'newOrderRespType' is not valid.");
        var clientOrderId = r.Optional("newClientOrderId");
        if (clientOrderId is not null && !ClientOrderIdPattern().IsMatch(clientOrderId))
            throw new BinanceError(400, -1100, $"Illegal characters found in parameter 'newClientOrderId'; legal range is '{ClientOrderIdRange}'.");

        var mid = _mids[spec.Symbol];
        var openOnSymbol = _orders.Count(o => o.IsOpen && o.Symbol == spec.Symbol);
        if (spec.FirstFailingFilter(type, side, quantity, price, quoteOrderQty, mid, openOnSymbol) is { } filter)
            throw BinanceError.Filter(filter);
        if (stopPrice is { } stop && spec.PriceFilterFails(stop)) throw BinanceError.Filter("PRICE_FILTER");
        if (test) return Ok("{}");

        if (clientOrderId is not null && _orders.Any(o => o.ClientOrderId == clientOrderId && (_clientOrderIdScope == ClientOrderIdScope.AllOrders || o.IsOpen)))
            throw BinanceError.NewOrderRejected("Duplicate order sent.");

        var buy = side == "BUY";
        var book = BookFor(spec);
        var qty = quantity ?? book.QuantityForQuote(spec, buy, quoteOrderQty!.Value);
        List<Match> matches;
        if (type == "LIMIT_MAKER")
        {
            if (book.Crosses(buy, price!.Value)) throw BinanceError.NewOrderRejected("Order would immediately match and take.");
            matches = [];
        }
        else if (triggered)
        {
            if (WouldTrigger(type, buy, stopPrice!.Value, mid)) throw BinanceError.NewOrderRejected("Order would trigger immediately.");
            matches = []; // waits for its trigger, off the book
        }
        else
        {
            matches = book.Walk(buy, qty, price);
            if (timeInForce == "FOK" && matches.Sum(m => m.Qty) < qty) matches = [];
        }
        if (!limit && qty <= 0)
            throw BinanceError.NewOrderRejected("Order book liquidity is less than `LOT_SIZE` filter minimum quantity.");

        var needed = buy ? (limit ? price!.Value * qty : matches.Sum(m => m.Price * m.Qty)) : qty;
        if (_account.Free(buy ? spec.QuoteAsset : spec.BaseAsset) < needed)
            throw BinanceError.NewOrderRejected("Account has insufficient balance for requested action.");

        var now = ServerNow();
        var order = new OrderState
        {
            OrderId = _nextOrderId++,
            ClientOrderId = clientOrderId ?? GeneratedClientOrderId(),
            Spec = spec,
            Side = side,
            Type = type,
            TimeInForce = timeInForce ?? "GTC",
            Quantity = qty,
            Price = price ?? 0m,
            StopPrice = stopPrice ?? 0m,
            IsWorking = !triggered,
            OrigQuoteOrderQty = quoteOrderQty ?? 0m,
            Time = now,
            UpdateTime = now,
        };
        _orders.Add(order);
        matches = Shape(order, matches);
        if (limit) _account.Lock(buy ? spec.QuoteAsset : spec.BaseAsset, buy ? order.Price * qty : qty);
        foreach (var match in matches) Trade(order, match.Price, match.Qty, maker: false, now);

        if (order.Remaining == 0) order.Status = OrderStatus.Filled;
        else if (limit && order.TimeInForce == "GTC") order.Status = order.ExecutedQty > 0 ? OrderStatus.PartiallyFilled : OrderStatus.New;
        else
        {
            order.Status = OrderStatus.Expired;
            if (limit) ReleaseReserve(order);
        }
        _lastUpdateId++;
        return new Handled(200, BinanceJson.Write(w => BinanceJson.NewOrder(w, order, respType)), order);
    }

    /// <summary>A 22-character id like the ones Binance generates.</summary>
    private static string GeneratedClientOrderId() => "x" + Guid.NewGuid().ToString("N")[..21];

    /// <summary>Records one trade of an order and settles it on the account.</summary>
    private void Trade(OrderState order, decimal price, decimal qty, bool maker, DateTimeOffset at)
    {
        var limit = order.Type != "MARKET";
        var (commission, asset) = _account.Settle(order.Spec, order.IsBuy, price, qty, maker, fromLocked: limit, lockedPrice: order.Price);
        order.Fills.Add(new FakeFill(_nextTradeId++, order.OrderId, order.Symbol, order.Side, price, qty, price * qty, commission, asset, maker, at));
        order.ExecutedQty += qty;
        order.CummulativeQuoteQty += price * qty;
        order.UpdateTime = at;
        if (order.List is { } list)
        {
            list.Locked -= qty;
            ExpireSiblings(order, at); // one leg traded: the other expires
        }
    }

    /// <summary>Fills part or all of a resting order as maker at its own price.</summary>
    private void FillResting(OrderState order, decimal qty)
    {
        if (qty <= 0) return;
        order.IsWorking = true;
        Trade(order, order.Price, qty, maker: true, ServerNow());
        order.Status = order.Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        _lastUpdateId++;
    }

    /// <summary>Gives back what an order that stops working still holds locked.</summary>
    private void ReleaseReserve(OrderState order)
    {
        if (order.List is { } list)
        {
            // The legs share one reserve: it is given back when the last of them stops working.
            if (list.Legs.Any(l => l != order && l.IsOpen)) return;
            _account.Unlock(order.Spec.BaseAsset, list.Locked);
            list.Locked = 0;
            return;
        }
        if (order.Remaining <= 0) return;
        if (order.IsBuy) _account.Unlock(order.Spec.QuoteAsset, order.Price * order.Remaining);
        else _account.Unlock(order.Spec.BaseAsset, order.Remaining);
    }

    /// <summary>
    /// The order a query or cancel names, on its symbol: by <c>orderId</c> (checked against
    /// <c>origClientOrderId</c> when both are sent) or by <c>origClientOrderId</c> (the latest such order).
    /// </summary>
    private OrderState? Find(BinanceRequest r, SymbolSpec spec)
    {
        var orderId = r.Long("orderId");
        var clientOrderId = r.Optional("origClientOrderId");
        if (orderId is null && clientOrderId is null)
            throw new BinanceError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        var order = orderId is { } id
            ? _orders.FirstOrDefault(o => o.OrderId == id && o.Symbol == spec.Symbol)
            : _orders.LastOrDefault(o => o.ClientOrderId == clientOrderId && o.Symbol == spec.Symbol);
        if (order is not null && clientOrderId is not null && order.ClientOrderId != clientOrderId) return null;
        return order;
    }

    private SymbolSpec RequiredSymbol(BinanceRequest r) =>
        _symbols.TryGetValue(r.Required("symbol"), out var spec) ? spec : throw BinanceError.InvalidSymbol();

    private Handled QueryOrder(BinanceRequest r)
    {
        var order = Find(r, RequiredSymbol(r))
                    ?? throw (_failLookupsOfUnknownOrders
                        ? new BinanceError(503, -1008, "Server is currently overloaded with other requests. Please try again in a few minutes.")
                        : BinanceError.NoSuchOrder());
        return Ok(BinanceJson.Write(w => BinanceJson.QueriedOrder(w, order)));
    }

    private Handled CancelOrder(BinanceRequest r)
    {
        var order = Find(r, RequiredSymbol(r));
        if (order is null || !order.IsOpen) throw BinanceError.CancelRejected("Unknown order sent.");
        var now = ServerNow();
        ReleaseReserve(order);
        order.Status = OrderStatus.Canceled;
        order.UpdateTime = now;
        _lastUpdateId++;
        var cancelId = r.Optional("newClientOrderId") ?? GeneratedClientOrderId();
        return Ok(BinanceJson.Write(w => BinanceJson.CanceledOrder(w, order, cancelId, now)));
    }

    private Handled OpenOrders(BinanceRequest r)
    {
        var symbol = r.Has("symbol") ? RequiredSymbol(r).Symbol : null;
        var open = _orders.Where(o => o.IsOpen && (symbol is null || o.Symbol == symbol)).ToList();
        return Ok(BinanceJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var o in open) BinanceJson.QueriedOrder(w, o);
            w.WriteEndArray();
        }));
    }

    private Handled AllOrders(BinanceRequest r)
    {
        var symbol = RequiredSymbol(r).Symbol;
        var fromId = r.Long("orderId");
        var limit = Math.Clamp(r.Int("limit") ?? 500, 1, 1000);
        var orders = _orders.Where(o => o.Symbol == symbol && (fromId is null || o.OrderId >= fromId)).ToList();
        orders = fromId is null ? orders.TakeLast(limit).ToList() : orders.Take(limit).ToList();
        return Ok(BinanceJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var o in orders) BinanceJson.QueriedOrder(w, o);
            w.WriteEndArray();
        }));
    }
}
