using Robson.Core.Domain;

namespace Robson.Core.Reporting;

/// <summary>
/// A tenant's activity over whole UTC days as series for charts: realised P&amp;L and fees, LIVE notional against the
/// daily limit, blocked LIVE attempts by guard, validation outcomes (each by day), and the slippage of LIVE fills against
/// the mid read as each order left. Rows exist only where something happened.
/// </summary>
public sealed record Analytics(
    ClientId ClientId, DateOnly From, DateOnly To, string? Venue,
    IReadOnlyList<PnlDay> PnlByDay, IReadOnlyList<NotionalDay> NotionalByDay, IReadOnlyList<GuardBlocksDay> BlocksByGuardByDay,
    IReadOnlyList<ValidationDay> ValidationsByDay, IReadOnlyList<Slippage> Slippage);

public sealed record PnlDay(DateOnly Day, string Venue, decimal RealisedPnl, decimal Fees);

/// <summary>
/// A venue's LIVE notional counted against the daily limit. <see cref="MaxNotional"/> is the tightest
/// max_notional_per_day of the tenant's strategies as they are now (null: none sets one); the limit counts the paper
/// venue alone and the real venues together, so on a day with several real venues their rows add up against it.
/// </summary>
public sealed record NotionalDay(DateOnly Day, string Venue, decimal Notional, decimal? MaxNotional);

public sealed record GuardBlocksDay(DateOnly Day, string Guard, int Blocks);

public sealed record ValidationDay(DateOnly Day, int Passed, int Warned, int Failed);

/// <summary>One LIVE entry that filled: its average price against the mid when it left, in basis points (positive: worse than the mid).</summary>
public sealed record Slippage(DateTimeOffset ExecutedAt, string Venue, Symbol Symbol, OrderSide Side, string ClientOrderId, decimal AveragePrice, decimal Mid, decimal SlippageBps)
{
    public static decimal Bps(OrderSide side, decimal averagePrice, decimal mid) =>
        Math.Round((side == OrderSide.Buy ? averagePrice - mid : mid - averagePrice) / mid * 10000m, 2, MidpointRounding.AwayFromZero);
}
