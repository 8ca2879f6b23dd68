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

    public string Describe() => CancelsOrder is { } order
        ? $"CANCEL {order} ({Side.Wire()} {Decimals.Canonical(Quantity)} {Symbol} {Type.Wire()})"
        : $"{Side.Wire()} {Decimals.Canonical(Quantity)} {Symbol} {Type.Wire()}" +
        (LimitPrice is { } p ? $" @ {Decimals.Canonical(p)}" : "") +
        (TimeInForce is { } tif ? $" {tif.Wire()}" : "") +
        (StopLoss is { } s ? $" (stop-loss {Decimals.Canonical(s)}" + (TakeProfit is { } t ? $", take-profit {Decimals.Canonical(t)})" : ")") : "");
}
