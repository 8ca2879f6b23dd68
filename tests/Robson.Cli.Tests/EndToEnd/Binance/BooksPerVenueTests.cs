using System.Globalization;
using System.Text.Json;
using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// Books are kept per (tenant, venue). One tenant trades on the paper venue and on a Binance venue (the fake, "bn"):
/// paper results never reach the real venue's P&amp;L, cost basis, limits or automatic halt, nor the reverse, while
/// two real venues count together against the daily limits.
/// </summary>
public sealed class BooksPerVenueTests : IDisposable
{
    private readonly BinanceFixture _f;
    private Support.Robson Robson => _f.Robson;

    public BooksPerVenueTests() : this("100") { }

    private BooksPerVenueTests(string maxOrders) => _f = new BinanceFixture(maxOrders);

    public void Dispose() => _f.Dispose();

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private CliRun Live(string plan) => Robson.Run("execute", plan, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

    /// <summary>A LIVE order on the venue, validated (and priced, on paper) just before; returns the run.</summary>
    private CliRun Trade(string venue, string side, string quantity, decimal? paperPrice = null, params string[] extra)
    {
        if (paperPrice is { } price) Robson.Expect(0, "paper", "set-price", "BTCUSDT", Number(price));
        var args = new List<string> { side, "BTCUSDT", quantity, "--venue", venue, "--strategy-id", _f.StrategyId };
        if (side == "buy" && paperPrice is { } p) args.AddRange(["--stop-loss", Number(p * 0.97m)]);
        args.AddRange(extra);
        var plan = Robson.Plan("1", [.. args]);
        Robson.Expect(0, "validate", plan, "--client-id", "1");
        return Live(plan);
    }

    /// <summary>A LIVE paper round trip: buy at 100, sell at 60,000. A profit of about 29,900.</summary>
    private void PaperProfit()
    {
        Assert.Equal(0, Trade("paper", "buy", "0.5", paperPrice: 100m).ExitCode);
        var sell = Trade("paper", "sell", "0.5", paperPrice: 60000m);
        Assert.True(sell.ExitCode == 0, sell.ToString());
    }

    private JsonElement Report(params string[] args) => Robson.Expect(0, ["report", "--client-id", "1", "--json", .. args]).Json;

    private static JsonElement Limit(JsonElement report, string name) =>
        report.GetProperty("strategies")[0].GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("limit").GetString() == name);

    /// <summary>What the exchange's own trades realised, average cost with every fee valued in USDT (the position is closed).</summary>
    private decimal RealisedOnTheExchange() => _f.Exchange.Trades.Sum(t =>
    {
        var fee = t.CommissionAsset == "USDT" ? t.Commission : t.Commission * t.Price;
        return (t.Side == "SELL" ? t.QuoteQty : -t.QuoteQty) - fee;
    });

    [Fact]
    public void PaperProfit_ChangesNothingInTheBinanceVenuesLossLimitsOrCostBasis()
    {
        Assert.Equal(0, Trade("bn", "buy", "0.001").ExitCode);
        var before = Report("--venue", "bn");

        PaperProfit();

        var after = Report("--venue", "bn");
        foreach (var figure in new[] { "orders", "notional", "fills", "fees", "realised_pnl", "realised_loss" })
            Assert.Equal(before.GetProperty(figure).GetDecimal(), after.GetProperty(figure).GetDecimal());
        foreach (var limit in new[] { "orders", "notional", "loss" })
            Assert.Equal(Limit(before, limit).GetProperty("used").GetDecimal(), Limit(after, limit).GetProperty("used").GetDecimal());

        // The Binance sell realises against the Binance buy only: the paper buy at 100 is no part of its cost basis.
        Assert.Equal(0, Trade("bn", "sell", "0.001").ExitCode);
        var bn = Report("--venue", "bn");
        Assert.Equal(RealisedOnTheExchange(), bn.GetProperty("realised_pnl").GetDecimal());
        Assert.True(bn.GetProperty("realised_pnl").GetDecimal() < 0m, "a round trip at one mid loses the spread and fees");
        Assert.Equal(bn.GetProperty("realised_loss").GetDecimal(), Limit(bn, "loss").GetProperty("used").GetDecimal());
        Assert.Equal("bn", bn.GetProperty("venue").GetString());
        Assert.Equal(2, bn.GetProperty("orders").GetInt32());
    }

    [Fact]
    public void BinanceLoss_ReachesMaxLossPerDay_AndHalts_EvenWithAPaperProfitTheSameDay()
    {
        _f.Exchange.SetBalance("BTC", 1m);
        PaperProfit();
        Assert.Equal(0, Trade("bn", "buy", "0.1").ExitCode);
        _f.Exchange.SetMid("BTCUSDT", 49_000m);

        var sell = Trade("bn", "sell", "0.1");

        Assert.True(sell.ExitCode == 0, sell.ToString());
        Assert.Contains(sell.Json.GetProperty("notices").EnumerateArray(),
            n => n.GetString()!.Contains("Trading HALTED for client 1: automatic: realised loss today", StringComparison.Ordinal));
        var bn = Report("--venue", "bn");
        Assert.True(bn.GetProperty("realised_loss").GetDecimal() >= 1000m, bn.ToString());
        Assert.True(Limit(bn, "loss").GetProperty("used").GetDecimal() >= 1000m);
        var next = Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--venue", "bn", "--strategy-id", _f.StrategyId);
        Assert.Contains("[TRADING_HALTED]", Robson.Expect(1, "validate", next, "--client-id", "1").Stdout);
    }

    [Fact]
    public void PaperLoss_NeverHaltsTrading_ItsLimitHoldsOnlyOnPaper()
    {
        Robson.Expect(0, "paper", "deposit", "USDT", "100000", "--client-id", "1");
        Assert.Equal(0, Trade("paper", "buy", "0.5", paperPrice: 60_000m).ExitCode);
        var sell = Trade("paper", "sell", "0.5", paperPrice: 57_000m); // a paper loss of about 1,560 > max_loss_per_day 1,000

        Assert.True(sell.ExitCode == 0, sell.ToString());
        Assert.Empty(sell.Json.GetProperty("notices").EnumerateArray());
        Assert.True(Limit(Report("--venue", "paper"), "loss").GetProperty("used").GetDecimal() >= 1000m);
        Assert.Equal(0m, Limit(Report("--venue", "bn"), "loss").GetProperty("used").GetDecimal());
        // The paper loss leaves no room for a paper stop, and all the room for a Binance one.
        var paper = Robson.Plan("1", "buy", "BTCUSDT", "0.01", "--venue", "paper", "--strategy-id", _f.StrategyId, "--stop-loss", "55000");
        Assert.Contains("[STOP_LOSS_RISK_EXCEEDED]", Robson.Expect(1, "validate", paper, "--client-id", "1").Stdout);
        var bn = Trade("bn", "buy", "0.01");
        Assert.True(bn.ExitCode == 0, bn.ToString());
    }

    [Fact]
    public void Report_WithoutVenue_ShowsEachVenuesFigures_AndEachLimitAsItsVenueJudgesIt()
    {
        Assert.Equal(0, Trade("bn", "buy", "0.001").ExitCode);
        PaperProfit();

        var all = Report();

        Assert.Equal(JsonValueKind.Null, all.GetProperty("venue").ValueKind);
        var venues = all.GetProperty("venues").EnumerateArray().ToDictionary(v => v.GetProperty("venue").GetString()!);
        Assert.Equal(["bn", "paper"], venues.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2, false), (venues["paper"].GetProperty("orders").GetInt32(), venues["paper"].GetProperty("real").GetBoolean()));
        Assert.Equal((1, true), (venues["bn"].GetProperty("orders").GetInt32(), venues["bn"].GetProperty("real").GetBoolean()));
        Assert.Equal(3, all.GetProperty("orders").GetInt32());
        Assert.Equal(Report("--venue", "bn").GetProperty("realised_pnl").GetDecimal(), venues["bn"].GetProperty("realised_pnl").GetDecimal());
        Assert.Equal(1m, Limit(venues["bn"], "orders").GetProperty("used").GetDecimal());
        Assert.Equal(2m, Limit(venues["paper"], "orders").GetProperty("used").GetDecimal());
        Assert.Equal("real", Limit(venues["bn"], "orders").GetProperty("scope").GetString());

        var text = Robson.Expect(0, "report", "--client-id", "1").Stdout;
        Assert.Matches(@"paper\s+BTCUSDT\s+2\s", text);
        Assert.Matches(@"bn\s+BTCUSDT\s+1\s", text);
        Assert.Contains("on the paper venue (paper only):", text);
        Assert.Contains("on real venues (bn, together):", text);
    }

    [Fact]
    public void DatabaseFromBeforeBooksPerVenue_GetsEachFillsVenueFromItsOrder()
    {
        Assert.Equal(0, Trade("bn", "buy", "0.001").ExitCode);
        PaperProfit();
        // Each buy's protective stop rests on its venue: orders a database from before protective orders cannot hold.
        var protective = ProtectiveOrderIds();
        Assert.Equal(2, protective.Count); // the bn buy's and the paper buy's
        var expected = (Report("--venue", "bn").ToString(), Report("--venue", "paper").ToString());
        // Back to the schema just before the migration that added fills.venue, with the fills already recorded (and
        // without the protective orders, which came with the migration that added orders.role).
        var before = Array.FindIndex(Storage.Sqlite.Schema.Migrations, m => m.Contains("ALTER TABLE fills ADD COLUMN venue TEXT", StringComparison.Ordinal));
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Robson.DatabasePath};Pooling=False"))
        {
            db.Open();
            using var downgrade = db.CreateCommand();
            // Later migrations run again too: a database from then had none of their columns either.
            downgrade.CommandText = "DROP TABLE webhook_deliveries; DROP TABLE webhooks; DROP INDEX audit_events_by_client_seq; " +
                                    "DROP TABLE api_tokens; DROP TABLE idempotency_keys; ALTER TABLE audit_events DROP COLUMN role; " +
                                    "DROP TABLE positions; DROP TABLE realised_pnl_days; DROP INDEX orders_unresolved; DROP INDEX orders_resting; " +
                                    "DROP INDEX orders_unprotected; DROP INDEX paper_order_details_locked; ALTER TABLE orders DROP COLUMN protected; " +
                                    "DROP INDEX fills_by_venue; DROP INDEX orders_by_venue_day; ALTER TABLE fills DROP COLUMN venue; " +
                                    "DROP INDEX orders_by_protected_entry; ALTER TABLE orders DROP COLUMN role; " +
                                    "DROP TRIGGER orders_no_delete; DELETE FROM orders WHERE protects IS NOT NULL; " +
                                    "ALTER TABLE orders DROP COLUMN protects; ALTER TABLE orders DROP COLUMN stop_price; ALTER TABLE orders DROP COLUMN take_profit_price; " +
                                    $"PRAGMA user_version = {before};";
            downgrade.ExecuteNonQuery();
        }

        Assert.Equal(expected, (Report("--venue", "bn").ToString(), Report("--venue", "paper").ToString()));
        Assert.Empty(ProtectiveOrderIds());
        using var store = Storage.Sqlite.SqliteStore.Open(Robson.Home, createIfMissing: false);
        Assert.Equal(["bn", "paper", "paper", "paper"],
            store.LiveFillsBetween(Core.Domain.ClientId.From(1), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))
                .Select(f => f.Venue).Order(StringComparer.Ordinal));
    }

    private List<string> ProtectiveOrderIds()
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Robson.DatabasePath};Pooling=False");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT client_order_id FROM orders WHERE role <> 'ENTRY'";
        using var reader = query.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("BN")]
    public void Report_UnknownVenue_ExitsTwo_WithOneLine(string venue)
    {
        var run = Robson.Expect(2, "report", "--client-id", "1", "--venue", venue);

        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains($"unknown venue '{venue}'", run.Stderr);
    }

    public sealed class OrdersPerDay : IDisposable
    {
        private readonly BooksPerVenueTests _t = new("2");
        private readonly FakeBinanceExchange _second = new(BinanceFixture.ApiKey, BinanceFixture.Secret);

        public OrdersPerDay()
        {
            _t.Robson.Environment["ROBSON_BN2_API_KEY"] = BinanceFixture.ApiKey;
            _t.Robson.Environment["ROBSON_BN2_API_SECRET"] = BinanceFixture.Secret;
            _second.SetBalance("USDT", 100_000m);
            _t.Robson.Expect(0, "venue", "add", "bn2", "--kind", "binance-compatible", "--base-url", _second.BaseUrl, "--client-id", "1");
        }

        public void Dispose()
        {
            _second.Dispose();
            _t.Dispose();
        }

        private static void Blocked(CliRun run)
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains(run.Json.GetProperty("guards").EnumerateArray(),
                g => g.GetProperty("name").GetString() == "ExecutionLimits" && !g.GetProperty("passed").GetBoolean());
        }

        [Fact]
        public void PaperOrdersNeverCountForRealVenues_AndTwoRealVenuesCountTogether()
        {
            // max_orders_per_day 2: the paper venue uses its two...
            Assert.Equal(0, _t.Trade("paper", "buy", "0.001", paperPrice: 60_000m).ExitCode);
            Assert.Equal(0, _t.Trade("paper", "buy", "0.001", paperPrice: 60_000m).ExitCode);
            Blocked(_t.Trade("paper", "buy", "0.001", paperPrice: 60_000m));

            // ...and the real venues still have theirs, shared between them.
            var first = _t.Trade("bn", "buy", "0.001");
            Assert.True(first.ExitCode == 0, first.ToString());
            var second = _t.Trade("bn2", "buy", "0.001");
            Assert.True(second.ExitCode == 0, second.ToString());
            Blocked(_t.Trade("bn2", "buy", "0.001"));
            Blocked(_t.Trade("bn", "buy", "0.001"));

            _t._f.AssertProtectedOnce(Assert.Single(_t._f.EntryOrders));
            Assert.Single(_second.Orders, o => !BinanceFixture.IsProtective(o.ClientOrderId));
            Assert.Single(_second.Orders, o => BinanceFixture.IsProtective(o.ClientOrderId)); // protective orders are not counted
            Assert.Equal(2m, Limit(_t.Report("--venue", "bn"), "orders").GetProperty("used").GetDecimal());
            Assert.Equal(1, _t.Report("--venue", "bn").GetProperty("orders").GetInt32());
            Assert.Equal(2m, Limit(_t.Report("--venue", "paper"), "orders").GetProperty("used").GetDecimal());
        }
    }

    [Fact]
    public void PaperExecution_NeverHaltsTheTenant_OnARealLossJudgedByThePaperStrategysLimit()
    {
        // A real loss of about 200 today, within the Binance strategy's 1,000; a paper strategy allows only 100 a day.
        _f.Exchange.SetBalance("BTC", 1m);
        Assert.Equal(0, Trade("bn", "buy", "0.1").ExitCode);
        _f.Exchange.SetMid("BTCUSDT", 58_000m);
        Assert.Equal(0, Trade("bn", "sell", "0.1").ExitCode);
        var paperStrategy = Robson.CreateLiveStrategy(maxLoss: "100");
        Robson.Expect(0, "paper", "set-price", "BTCUSDT", "60000");
        var paperBuy = Robson.Plan("1", "buy", "BTCUSDT", "0.001", "--strategy-id", paperStrategy, "--stop-loss", "58200");
        Robson.Expect(0, "validate", paperBuy, "--client-id", "1");

        var paper = Live(paperBuy);

        Assert.True(paper.ExitCode == 0, paper.ToString());
        Assert.Empty(paper.Json.GetProperty("notices").EnumerateArray());
        _f.Exchange.SetMid("BTCUSDT", 60_000m);
        var next = Trade("bn", "buy", "0.001"); // the tenant is not halted: real trading goes on
        Assert.True(next.ExitCode == 0, next.ToString());
    }
}
