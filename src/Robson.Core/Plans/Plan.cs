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

    public string Describe() => CancelsOrder is { } order
        ? $"CANCEL {order} ({Side.Wire()} {Decimals.Canonical(Quantity)} {Symbol} {Type.Wire()})"
        : $"{Side.Wire()} {Decimals.Canonical(Quantity)} {Symbol} {Type.Wire()}" +
        (LimitPrice is { } p ? $" @ {Decimals.Canonical(p)}" : "") +
        (StopLoss is { } s ? $" (stop-loss {Decimals.Canonical(s)})" : "");
}
