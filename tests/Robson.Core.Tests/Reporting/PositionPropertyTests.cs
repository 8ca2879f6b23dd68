using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Reporting;

/// <summary>
/// Positions and realised P&amp;L kept fill by fill, as a store keeps them when it records each fill, equal the replay of
/// every fill in time order: the daily loss limit and the report read the kept figures, so they must be the replay's.
/// </summary>
public sealed class PositionPropertyTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Venues = ["paper", "bn"];
    private static readonly Symbol[] Symbols = [BtcUsdt, Symbol.From("ETHUSDT")];

    /// <summary>A fill on one of two venues and symbols: price in cents, quantity in 1/1000 (up to 5), fee in cents, minutes apart.</summary>
    private static readonly Gen<(string Venue, Symbol Symbol, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, int Gap)> Fills =
        from venue in Gen.Elements(Venues)
        from symbol in Gen.Elements(Symbols)
        from side in Gen.Elements(OrderSide.Buy, OrderSide.Buy, OrderSide.Sell)
        from price in Gen.Choose(1, 10_000_000)
        from quantity in Gen.Choose(1, 5_000)
        from fee in Gen.Choose(0, 1_000)
        from gap in Gen.Choose(0, 600)
        select (venue, symbol, side, price / 100m, quantity / 1000m, fee / 100m, gap);

    /// <summary>The fills in time order (several days, some at the same instant), as they are recorded.</summary>
    private static List<FillRecord> InTimeOrder(IEnumerable<(string Venue, Symbol Symbol, OrderSide Side, decimal Price, decimal Quantity, decimal Fee, int Gap)> fills)
    {
        var at = Start;
        return fills.Select(f =>
        {
            at = at.AddMinutes(f.Gap);
            return new FillRecord(Client, "c1", f.Venue, f.Symbol, f.Side, f.Price, f.Quantity, f.Fee, "USDT", f.Fee, at);
        }).ToList();
    }

    /// <summary>What a store does on each RecordFill: one step of the fill's position, and a sell's P&amp;L added to its day.</summary>
    private static (Dictionary<VenueSymbol, Position> Positions, Dictionary<(VenueSymbol, DateOnly), (decimal Pnl, int Sales)> Days) Kept(
        IEnumerable<FillRecord> fills)
    {
        var positions = new Dictionary<VenueSymbol, Position>();
        var days = new Dictionary<(VenueSymbol, DateOnly), (decimal Pnl, int Sales)>();
        foreach (var fill in fills)
        {
            var key = new VenueSymbol(fill.Venue, fill.Symbol);
            var (after, realised) = positions.GetValueOrDefault(key, Position.Flat).Apply(fill);
            positions[key] = after;
            if (realised is not { } pnl) continue;
            var day = (key, DateOnly.FromDateTime(fill.FilledAt.UtcDateTime));
            var (sum, sales) = days.GetValueOrDefault(day);
            days[day] = (sum + pnl, sales + 1);
        }
        return (positions, days);
    }

    [Property(MaxTest = 300)]
    public Property KeptFillByFill_EqualsTheReplay_ForFillsInTimeOrder() =>
        Prop.ForAll(Fills.ListOf().ToArbitrary(), generated =>
        {
            var fills = InTimeOrder(generated);
            var (positions, days) = Kept(fills);

            var replayedDays = RealisedPnl.ByDay(fills);
            var replayedPositions = RealisedPnl.Positions(fills);
            var sameDays = replayedDays.Count == days.Count && replayedDays.All(r =>
                days.TryGetValue((r.Position, r.Day), out var kept) && kept.Pnl == r.Pnl && kept.Sales == r.Sales);
            var samePositions = replayedPositions.Count == positions.Count && replayedPositions.All(p => positions[p.Key] == p.Value);
            // Each position's realised total is its sales' sum (added in the same order), and each day's is what the replay says for it.
            var totals = positions.All(p => p.Value.RealisedPnl ==
                RealisedPnl.Sales(fills, DateOnly.MaxValue).Where(s => s.Position == p.Key).Aggregate(0m, (sum, s) => sum + s.Pnl));
            var perDay = replayedDays.All(r => RealisedPnl.ForDay(fills, r.Day)[r.Position] == r.Pnl);

            return (sameDays && samePositions && totals && perDay).Label($"days {sameDays}, positions {samePositions}, totals {totals}, per day {perDay}");
        });

    [Property(MaxTest = 200)]
    public Property Position_NeverHoldsLessThanZero_AndIsFlatAtCostZero_WhenEverythingIsSold() =>
        Prop.ForAll(Fills.ListOf().ToArbitrary(), generated =>
        {
            var positions = Kept(InTimeOrder(generated)).Positions;
            return positions.Values.All(p => p.Quantity >= 0 && (p.Quantity != 0 || p.CostBasis == 0))
                .Label(string.Join("; ", positions.Select(p => $"{p.Key} {p.Value}")));
        });
}
