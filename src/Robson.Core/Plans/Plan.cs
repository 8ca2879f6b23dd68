using Robson.Core.Domain;

namespace Robson.Core.Plans;

/// <summary>An immutable intent. Never edited: a change is a new plan. <see cref="Hash"/> covers all content.</summary>
public sealed record Plan(
    string Id,
    ClientId ClientId,
    long? StrategyId,
    PlanKind Kind,
    string Venue,
    IReadOnlyList<PlanLeg> Legs,
    DateTimeOffset CreatedAt,
    string Hash)
{
    /// <summary>For a rebalance: the allocation when planned and the target (empty for other kinds).</summary>
    public IReadOnlyList<AllocationRow> Allocation { get; init; } = [];
}

/// <summary>One order of a plan.</summary>
public sealed record PlanLeg(Symbol Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? LimitPrice, decimal? StopLoss)
{
    /// <summary>For a cancel plan: the client order id of the open order to cancel (the leg describes that order).</summary>
    public string? CancelsOrder { get; init; }

    public bool IsCancel => CancelsOrder is not null;

    /// <summary>A take-profit price: with a stop-loss, the entry is protected by an OCO (take-profit above, stop below).</summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>How long a limit order rests (null: GTC).</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>
    /// A MARKET BUY by quote amount (<c>--quote</c>): spend up to this much of the quote asset; <see cref="Quantity"/> is 0
    /// in the plan, and the base quantity is estimated from the book whenever the leg is judged (see QuoteSizing).
    /// </summary>
    public decimal? QuoteQuantity { get; init; }

    public bool IsByQuote => QuoteQuantity is not null;

    public string Describe() => CancelsOrder is { } order
        ? $"CANCEL {order} ({Side.Wire()} {Decimals.Canonical(Quantity)} {Symbol} {Type.Wire()})"
        : QuoteQuantity is { } quote
        ? $"{Side.Wire()} {Symbol} {Type.Wire()} spending up to {Decimals.Canonical(quote)} (quote)" + StopText()
        : $"{Side.Wire()} {Decimals.Canonical(Quantity)} {Symbol} {Type.Wire()}" +
        (LimitPrice is { } p ? $" @ {Decimals.Canonical(p)}" : "") +
        (TimeInForce is { } tif ? $" {tif.Wire()}" : "") +
        StopText();

    private string StopText() =>
        StopLoss is { } s ? $" (stop-loss {Decimals.Canonical(s)}" + (TakeProfit is { } t ? $", take-profit {Decimals.Canonical(t)})" : ")") : "";
}
