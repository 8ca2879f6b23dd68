using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Robson.Cli.Tests.Properties;

/// <summary>
/// For any price path between validation and execution, a LIVE market order never fills beyond the collar from the
/// mid at send time, and never fills when a price-dependent rule fails at send time. Runs the real CLI on paper.
/// </summary>
public sealed class SendTimeCheckPropertyTests
{
    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Property(MaxTest = 30)]
    public Property LiveMarketBuy_FillsOnlyWhenTheRulesHoldAtSendTime_AndWithinTheCollar() =>
        Prop.ForAll((
                from validatedAt in Gen.Choose(40_000, 80_000)
                from permille in Gen.Choose(940, 1060)
                select (validatedAt, permille)).ToArbitrary(),
            ((int validatedAt, int permille) path) =>
            {
                decimal validationMid = path.validatedAt, sendMid = Math.Round(path.validatedAt * path.permille / 1000m, 2);
                var stop = Math.Round(validationMid * 0.97m, 2);
                using var robson = new Support.Robson();
                robson.Expect(0, "paper", "set-price", "BTCUSDT", Text(validationMid));
                var strategy = robson.CreateLiveStrategy();
                var plan = robson.Plan("1", "buy", "BTCUSDT", "0.001", "--market", "--stop-loss", Text(stop), "--strategy-id", strategy);
                robson.Expect(0, "validate", plan, "--client-id", "1");
                robson.Expect(0, "paper", "set-price", "BTCUSDT", Text(sendMid));

                var run = robson.Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

                // The rule, computed here on its own: the stop must be below the entry (the paper book's best ask) and within 5 %.
                var ask = sendMid + Math.Max(0.01m, Math.Floor(sendMid * 0.00005m * 100m) / 100m);
                var ruleFails = stop >= ask || (ask - stop) / ask * 100m > 5m;
                var status = run.Json.GetProperty("status").GetString();
                var usdt = robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
                    .Single(b => b.GetProperty("asset").GetString() == "USDT").GetProperty("free").GetDecimal();
                if (ruleFails)
                    return (status == "BLOCKED" && usdt == 10_000m).Label($"rule fails at {sendMid} (stop {stop}): {status}, USDT {usdt}");
                var average = decimal.Parse(run.Json.GetProperty("actions")[0].GetProperty("details").GetProperty("average_price").GetString()!, CultureInfo.InvariantCulture);
                // A stop at or above the mid cannot rest on the venue (it would trigger at once): bought, but UNPROTECTED.
                var expected = stop >= sendMid ? "UNPROTECTED" : "SUCCESS";
                return (status == expected && average <= sendMid * 1.05m && average > 0)
                    .Label($"rules hold at {sendMid} (stop {stop}): {status}, average {average}");
            });
}
