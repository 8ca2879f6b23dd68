using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Cli.Tests.Persistence;

/// <summary>Fills for the store tests, and what the replay (<see cref="RealisedPnl"/>) says of them: the reference the kept figures must equal.</summary>
internal static class StoredFills
{
    public static readonly ClientId Client = ClientId.From(1);
    public static readonly ClientId OtherClient = ClientId.From(2);
    public static readonly Symbol Btc = Symbol.From("BTCUSDT");
    public static readonly Symbol Eth = Symbol.From("ETHUSDT");
    public static readonly DateTimeOffset DayStart = new(2026, 3, 14, 0, 0, 0, TimeSpan.Zero);

    public static FillRecord Fill(OrderSide side, decimal price, decimal quantity, decimal fee, DateTimeOffset at, string venue = "paper",
        Symbol? symbol = null, ClientId? client = null) =>
        new(client ?? Client, "rbs-c1", venue, symbol ?? Btc, side, price, quantity, fee, "USDT", fee, at);

    /// <summary>Positions as the replay of the tenant's fills in time order gives them, venue then symbol.</summary>
    public static List<HeldPosition> ReplayedPositions(IEnumerable<FillRecord> fills, ClientId client) =>
        RealisedPnl.Positions(fills.Where(f => f.ClientId == client)).Select(p => new HeldPosition(p.Key, p.Value))
            .OrderBy(p => p.Key.Venue, StringComparer.Ordinal).ThenBy(p => p.Key.Symbol.Value, StringComparer.Ordinal).ToList();

    /// <summary>Realised P&amp;L by position and day as the replay of the tenant's fills on the scope's venues gives it.</summary>
    public static List<RealisedDay> ReplayedDays(IEnumerable<FillRecord> fills, ClientId client, VenueScope scope) =>
        RealisedPnl.ByDay(fills.Where(f => f.ClientId == client && scope.Includes(f.Venue))).ToList();
}
