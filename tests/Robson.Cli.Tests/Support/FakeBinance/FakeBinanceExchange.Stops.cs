namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// Stops and take-profits (STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT): they wait off the book (isWorking=false) until the
/// mid reaches their stopPrice, then work as a LIMIT at their price; an OCO leg that trades or triggers expires its
/// sibling. Also the shaping of an execution (<see cref="FakeExecution"/>). Run under the lock.
/// </summary>
public sealed partial class FakeBinanceExchange
{
    private readonly Queue<FakeExecution> _executions = new();

    /// <summary>Queues how the next order that trades on placement executes (e.g. in 1,200 trades, or its fills without trade ids).</summary>
    public void InjectExecution(FakeExecution execution)
    {
        lock (_gate) _executions.Enqueue(execution);
    }

    private static bool IsTriggeredType(string type) => type is "STOP_LOSS_LIMIT" or "TAKE_PROFIT_LIMIT";

    /// <summary>A stop the mid has already reached is refused (-2010 "Order would trigger immediately.").</summary>
    private static bool WouldTrigger(string type, bool buy, decimal stopPrice, decimal mid) => type switch
    {
        "STOP_LOSS_LIMIT" => buy ? mid >= stopPrice : mid <= stopPrice,
        "TAKE_PROFIT_LIMIT" => buy ? mid <= stopPrice : mid >= stopPrice,
        _ => false,
    };

    /// <summary>Applies a queued <see cref="FakeExecution"/> to an order that trades now: its first match split into many trades.</summary>
    private List<Match> Shape(OrderState order, List<Match> matches)
    {
        if (matches.Count == 0 || !_executions.TryDequeue(out var execution)) return matches;
        order.FillsInAnswer = execution.FillsInAnswer;
        order.OmitTradeIds = execution.OmitTradeIds;
        order.TradesListed = execution.TradesListed;
        if (execution.Trades <= matches.Count) return matches;
        var first = matches[0];
        var pieces = execution.Trades - (matches.Count - 1);
        var size = order.Spec.FloorToStep(first.Qty / pieces);
        if (size <= 0) throw new InvalidOperationException($"{first.Qty} cannot be split into {pieces} trades of at least one step");
        var shaped = Enumerable.Repeat(new Match(first.Price, size), pieces - 1).ToList();
        shaped.Add(new Match(first.Price, first.Qty - size * (pieces - 1)));
        shaped.AddRange(matches.Skip(1));
        return shaped;
    }

    /// <summary>
    /// The mid moved: waiting stops it reached trigger (and trade what the book gives up to their limit), then resting
    /// orders fill as maker at their price where the book crosses them or the mid reached them.
    /// </summary>
    private void OnMidMoved(SymbolSpec spec, decimal mid)
    {
        var book = BookFor(spec);
        foreach (var order in _orders.Where(o => o.IsOpen && !o.IsWorking && o.Symbol == spec.Symbol && o.TriggersAt(mid)).ToList())
            Trigger(order, book);
        foreach (var order in _orders.Where(o => o.IsOpen && o.IsWorking && o.Symbol == spec.Symbol
                                                 && (book.Crosses(o.IsBuy, o.Price) || (o.IsBuy ? mid <= o.Price : mid >= o.Price))).ToList())
            if (order.IsOpen) FillResting(order, order.Remaining); // an OCO sibling may have expired meanwhile
    }

    /// <summary>A stop reached its trigger: its OCO sibling expires, and it works as a LIMIT, taking what crosses now.</summary>
    private void Trigger(OrderState order, OrderBook book)
    {
        if (!order.IsOpen) return; // its sibling triggered first
        var now = ServerNow();
        order.IsWorking = true;
        order.UpdateTime = now;
        ExpireSiblings(order, now);
        foreach (var match in book.Walk(order.IsBuy, order.Remaining, order.Price))
            Trade(order, match.Price, match.Qty, maker: false, now);
        if (order.ExecutedQty > 0) order.Status = order.Remaining == 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        _lastUpdateId++;
    }

    /// <summary>When one leg of an OCO trades or triggers, the others expire (the shared reserve stays with the working leg).</summary>
    private void ExpireSiblings(OrderState order, DateTimeOffset at)
    {
        if (order.List is not { } list) return;
        foreach (var sibling in list.Legs.Where(l => l != order && l.IsOpen))
        {
            sibling.Status = OrderStatus.Expired;
            sibling.UpdateTime = at;
        }
    }
}
