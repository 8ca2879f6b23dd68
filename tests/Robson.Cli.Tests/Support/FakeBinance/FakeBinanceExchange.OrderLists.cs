namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// OCO order lists (rest-api.md "New Order list - OCO", "Query Order list", "Cancel Order list"): a SELL with a
/// take-profit leg above (LIMIT_MAKER or TAKE_PROFIT_LIMIT) and a stop leg below (STOP_LOSS_LIMIT), sharing one reserve
/// of the base asset. The fake takes SELL lists only (what a protective order is). Run under the lock.
/// </summary>
public sealed partial class FakeBinanceExchange
{
    private readonly List<FakeOrderList> _lists = [];
    private long _nextOrderListId = 1;

    private Handled PlaceOco(BinanceRequest r)
    {
        var spec = RequiredSymbol(r);
        var side = r.Required("side");
        if (side is not ("BUY" or "SELL")) throw new BinanceError(400, -1117, "Invalid side.");
        if (side != "SELL") throw new BinanceError(400, -1013, "The fake exchange takes SELL order lists only.");
        var quantity = r.Decimal("quantity") ?? throw BinanceError.Mandatory("quantity");
        var above = Leg(r, "above", ["LIMIT_MAKER", "TAKE_PROFIT_LIMIT"]);
        var below = Leg(r, "below", ["STOP_LOSS_LIMIT"]);
        if (above.Price <= below.Price) throw new BinanceError(400, -1165, "A limit order in a sell OCO must be above the market price.");
        var listClientOrderId = r.Optional("listClientOrderId") ?? GeneratedClientOrderId();
        if (!ClientOrderIdPattern().IsMatch(listClientOrderId))
            throw new BinanceError(400, -1100, $"Illegal characters found in parameter 'listClientOrderId'; legal range is '{ClientOrderIdRange}'.");

        var mid = _mids[spec.Symbol];
        var openOnSymbol = _orders.Count(o => o.IsOpen && o.Symbol == spec.Symbol);
        foreach (var leg in new[] { above, below })
        {
            if (spec.FirstFailingFilter(leg.Type, side, quantity, leg.Price, null, mid, openOnSymbol) is { } filter) throw BinanceError.Filter(filter);
            if (leg.StopPrice is { } stop && spec.PriceFilterFails(stop)) throw BinanceError.Filter("PRICE_FILTER");
        }
        if (_lists.Any(l => l.ListClientOrderId == listClientOrderId && l.IsOpen)) throw BinanceError.NewOrderRejected("Duplicate order sent.");
        foreach (var id in new[] { above.ClientOrderId, below.ClientOrderId }.OfType<string>())
            if (_orders.Any(o => o.ClientOrderId == id && (_clientOrderIdScope == ClientOrderIdScope.AllOrders || o.IsOpen)))
                throw BinanceError.NewOrderRejected("Duplicate order sent.");
        var book = BookFor(spec);
        if (above.Type == "LIMIT_MAKER" && book.Crosses(buy: false, above.Price))
            throw BinanceError.NewOrderRejected("Order would immediately match and take.");
        foreach (var leg in new[] { above, below }.Where(l => l.StopPrice is not null))
            if (WouldTrigger(leg.Type, buy: false, leg.StopPrice!.Value, mid)) throw BinanceError.NewOrderRejected("Order would trigger immediately.");
        if (_account.Free(spec.BaseAsset) < quantity) throw BinanceError.NewOrderRejected("Account has insufficient balance for requested action.");

        var now = ServerNow();
        var list = new FakeOrderList { OrderListId = _nextOrderListId++, ListClientOrderId = listClientOrderId, Symbol = spec.Symbol, TransactionTime = now, Locked = quantity };
        foreach (var leg in new[] { below, above })
        {
            var order = new OrderState
            {
                OrderId = _nextOrderId++, ClientOrderId = leg.ClientOrderId ?? GeneratedClientOrderId(), Spec = spec, Side = side, Type = leg.Type,
                TimeInForce = leg.TimeInForce, Quantity = quantity, Price = leg.Price, StopPrice = leg.StopPrice ?? 0m,
                IsWorking = !IsTriggeredType(leg.Type), List = list, Time = now, UpdateTime = now,
            };
            list.Legs.Add(order);
            _orders.Add(order);
        }
        _lists.Add(list);
        _account.Lock(spec.BaseAsset, quantity);
        _lastUpdateId++;
        return new Handled(200, BinanceJson.Write(w => BinanceJson.OrderList(w, list, reports: true)), list.Legs[0]);
    }

    private sealed record OcoLeg(string Type, decimal Price, decimal? StopPrice, string TimeInForce, string? ClientOrderId);

    /// <summary>One leg's parameters: <c>{prefix}Type</c>, <c>{prefix}Price</c>, <c>{prefix}StopPrice</c>, <c>{prefix}TimeInForce</c>, <c>{prefix}ClientOrderId</c>.</summary>
    private static OcoLeg Leg(BinanceRequest r, string prefix, string[] types)
    {
        var type = r.Required(prefix + "Type");
        if (!types.Contains(type)) throw new BinanceError(400, -1116, "Invalid orderType.");
        var triggered = IsTriggeredType(type);
        var price = r.Decimal(prefix + "Price") ?? throw BinanceError.Mandatory(prefix + "Price");
        var stopPrice = r.Decimal(prefix + "StopPrice");
        if (triggered && stopPrice is null) throw BinanceError.Mandatory(prefix + "StopPrice");
        if (!triggered && stopPrice is not null) throw BinanceError.NotRequired(prefix + "StopPrice");
        var timeInForce = r.Optional(prefix + "TimeInForce");
        if (triggered && timeInForce is null) throw BinanceError.Mandatory(prefix + "TimeInForce");
        if (!triggered && timeInForce is not null) throw BinanceError.NotRequired(prefix + "TimeInForce");
        if (timeInForce is not (null or "GTC" or "IOC" or "FOK")) throw new BinanceError(400, -1115, "Invalid timeInForce.");
        var clientOrderId = r.Optional(prefix + "ClientOrderId");
        if (clientOrderId is not null && !ClientOrderIdPattern().IsMatch(clientOrderId))
            throw new BinanceError(400, -1100, $"Illegal characters found in parameter '{prefix}ClientOrderId'; legal range is '{ClientOrderIdRange}'.");
        return new OcoLeg(type, price, stopPrice, timeInForce ?? "GTC", clientOrderId);
    }

    /// <summary>The list a query or cancel names, by <c>orderListId</c> or by its list client order id.</summary>
    private FakeOrderList? FindList(BinanceRequest r, string clientIdParameter)
    {
        var listId = r.Long("orderListId");
        var clientId = r.Optional(clientIdParameter);
        if (listId is null && clientId is null)
            throw new BinanceError(400, -1102, $"Param '{clientIdParameter}' or 'orderListId' must be sent, but both were empty/null!");
        return clientId is not null ? _lists.LastOrDefault(l => l.ListClientOrderId == clientId) : _lists.FirstOrDefault(l => l.OrderListId == listId);
    }

    private static BinanceError NoSuchList() => new(400, -2011, "Order list does not exist.");

    private Handled QueryOrderList(BinanceRequest r)
    {
        var list = FindList(r, "origClientOrderId") ?? throw NoSuchList();
        return Ok(BinanceJson.Write(w => BinanceJson.OrderList(w, list, reports: false)));
    }

    private Handled CancelOrderList(BinanceRequest r)
    {
        var spec = RequiredSymbol(r);
        var list = FindList(r, "listClientOrderId");
        if (list is null || list.Symbol != spec.Symbol || !list.IsOpen) throw NoSuchList();
        var now = ServerNow();
        foreach (var leg in list.Legs.Where(l => l.IsOpen))
        {
            ReleaseReserve(leg); // the shared reserve goes back with the last open leg
            leg.Status = OrderStatus.Canceled;
            leg.UpdateTime = now;
        }
        _lastUpdateId++;
        return Ok(BinanceJson.Write(w => BinanceJson.OrderList(w, list, reports: true, now)));
    }
}
