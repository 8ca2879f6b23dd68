using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Robson.Cli.Tests.Properties;

/// <summary>
/// For any sequence of plans and LIVE executions, what is recorded never exceeds the daily limits:
/// orders ≤ max_orders_per_day and notional ≤ max_notional_per_day. Runs the real CLI entry point.
/// </summary>
public sealed class DailyLimitsPropertyTests
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"];
    private static readonly decimal[] Steps = [0.00001m, 0.0001m, 0.001m, 0.001m];
    private static readonly decimal[] Mids = [60000m, 3000m, 600m, 150m];

    public sealed record Order(int Symbol, int Units, bool Limit);

    private static Arbitrary<Order[]> Orders() =>
        (from symbol in Gen.Choose(0, 3)
         from units in Gen.Choose(100, 3000)
         from limit in Gen.Elements(true, false)
         select new Order(symbol, units, limit)).ArrayOf().Select(a => a.Take(8).ToArray()).ToArbitrary();

    [Property(MaxTest = 25)]
    public Property RecordedLiveActivity_NeverExceedsTheLimits() =>
        Prop.ForAll(Orders(), Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(50, 400).ToArbitrary(), (orders, maxOrders, maxNotional) =>
        {
            using var robson = new Support.Robson();
            robson.Expect(0, "paper", "deposit", "USDT", "1000000", "--client-id", "1");
            var strategy = robson.CreateLiveStrategy(maxOrders: maxOrders.ToString(), maxNotional: maxNotional.ToString());
            var successes = 0;
            foreach (var order in orders)
            {
                // Quantities are whole steps scaled to a notional of roughly 5 to 150 quote.
                var quantity = Math.Max(1, order.Units * 5 / (int)(Mids[order.Symbol] * Steps[order.Symbol] * 100m + 1)) * Steps[order.Symbol];
                var args = new List<string> { "buy", Symbols[order.Symbol], quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                if (order.Limit) args.AddRange(["--limit", (Mids[order.Symbol] * 1.001m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)]);
                var plan = robson.Plan("1", [.. args, "--strategy-id", strategy]);
                if (robson.Run("validate", plan, "--client-id", "1").ExitCode != 0) continue;
                if (robson.Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk").ExitCode == 0) successes++;
            }

            var report = robson.Expect(0, "report", "--client-id", "1", "--json").Json;
            var recordedOrders = report.GetProperty("orders").GetInt32();
            var notional = report.GetProperty("notional").GetDecimal();
            return (recordedOrders <= maxOrders && notional <= maxNotional && recordedOrders == successes)
                .Label($"orders {recordedOrders}/{maxOrders}, notional {notional}/{maxNotional}, successes {successes}");
        });
}
