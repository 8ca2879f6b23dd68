using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Ports;
using Robson.Core.UseCases;
using Robson.Storage.Sqlite;
using Robson.Venues.Paper;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// The kill switch holds between the legs of one execution: a halt issued while a rebalance is being sent (from
/// another terminal) stops the legs not yet sent. The plan is prepared through the CLI; the halt arrives while the
/// venue handles the first order, so the execution runs through the use case with a venue that lets the test in.
/// </summary>
public sealed class BetweenLegsTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    /// <summary>A rebalance validated on paper: SELL ETH, then BUY 0.13333 BTC at about 60,000.</summary>
    private string ValidatedRebalance()
    {
        var strategy = _robson.CreateLiveStrategy(maxPosition: "60");
        _robson.Expect(0, "paper", "deposit", "ETH", "2", "--client-id", "1");
        var planId = _robson.Expect(0, "plan", "rebalance", "--target", "BTC:50,ETH:20,USDT:30", "--client-id", "1",
            "--strategy-id", strategy, "--json").Json.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", planId, "--client-id", "1");
        return planId;
    }

    /// <summary>Executes the plan LIVE through the use case; <paramref name="meanwhile"/> runs once the first order is placed.</summary>
    private ExecutionResult ExecuteLive(string planId, Func<SqliteStore, Func<RobsonEnvironment>, Action> meanwhile)
    {
        using var store = SqliteStore.Open(_robson.Home, createIfMissing: false);
        var paper = new PaperVenue(store, store, _robson.Clock);
        var actor = new AuditActor("tester", "test-host", "robson execute", "test");
        RobsonEnvironment? env = null;
        var venue = new AfterFirstOrder(paper, meanwhile(store, () => env!));
        env = new RobsonEnvironment(store, new OneVenue(venue), _robson.Clock, new CountingIds(), actor);
        return new ExecutePlan(env).Execute(new ExecutePlanRequest(ClientId.From(1), planId, ExecutionMode.Live, true)).Value!;
    }

    [Fact]
    public void HaltIssuedWhileTheFirstLegIsOnTheVenue_StopsTheRemainingLegs()
    {
        var planId = ValidatedRebalance();

        var result = ExecuteLive(planId, (_, env) => () => new ManageTradingState(env()).Halt(ClientId.From(1), "operator: stop everything"));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(["FILLED", "NOT_SENT"], result.Actions.Select(a => a.Details["status"]));
        Assert.Contains("HALTED", result.Actions[1].Details["reason"]);
        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.Equal(1, report.GetProperty("orders").GetInt32()); // the leg not sent does not count
        var shown = _robson.Expect(0, "executions", "list", "--client-id", "1", "--json").Json;
        Assert.Equal("FAILED", shown.GetProperty("executions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void MarketMovedWhileTheFirstLegWasOnTheVenue_TheNextLegFailsItsSendTimeCheck_AndIsNotSent()
    {
        var planId = ValidatedRebalance();

        // While the sell is on the venue, BTC jumps 50 %: the buy would now cost more than the account holds.
        var result = ExecuteLive(planId, (store, _) => () => store.SetPrice(Symbol.From("BTCUSDT"), 90_000m, _robson.Clock.GetUtcNow()));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(["FILLED", "NOT_SENT"], result.Actions.Select(a => a.Details["status"]));
        Assert.Contains("the market failed a rule when the order was leaving", result.Actions[1].Details["reason"]);
        var market = result.Guards.Single(g => g.Name == "MarketConditions");
        Assert.False(market.Passed);
        Assert.Equal("90000", market.Details["BTCUSDT.mid_now"]);
        Assert.Equal("60000", market.Details["BTCUSDT.mid_at_validation"]);
        Assert.Equal(0m, _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
            .Where(b => b.GetProperty("asset").GetString() == "BTC").Select(b => b.GetProperty("free").GetDecimal()).SingleOrDefault());
    }

    private sealed class OneVenue(IVenue venue) : IVenueDirectory
    {
        public IVenue? Find(ClientId clientId, string name) => venue;
    }

    private sealed class CountingIds : IIdGenerator
    {
        private int _next;
        public string NewId() => $"betweenlegs{++_next}";
    }

    /// <summary>The paper venue, except that something else happens meanwhile (a halt, a price move) after the first order is placed.</summary>
    private sealed class AfterFirstOrder(PaperVenue paper, Action meanwhile) : IVenue
    {
        private bool _done;

        public string Name => paper.Name;
        public DateTimeOffset Now() => paper.Now();
        public decimal TakerFeeRate => paper.TakerFeeRate;
        public SymbolRules? FindSymbol(Symbol symbol) => paper.FindSymbol(symbol);
        public IReadOnlyCollection<SymbolRules> ListSymbols() => paper.ListSymbols();
        public OrderBook GetOrderBook(Symbol symbol) => paper.GetOrderBook(symbol);
        public IReadOnlyDictionary<string, decimal>? GetBalances(ClientId clientId) => paper.GetBalances(clientId);
        public IReadOnlyDictionary<string, decimal>? GetLockedBalances(ClientId clientId) => paper.GetLockedBalances(clientId);
        public TimeSpan OrderWindow => paper.OrderWindow;
        public DateTimeOffset NotPlacedAfter(DateTimeOffset sentAt) => paper.NotPlacedAfter(sentAt);
        public VenueOrderResult PlaceProtection(ProtectionRequest request) => paper.PlaceProtection(request);
        public VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false) => paper.LookupOrder(clientId, symbol, clientOrderId, isList);
        public IReadOnlyList<VenueOpenOrder> OpenOrders(ClientId clientId) => paper.OpenOrders(clientId);
        public VenueOrderResult CancelOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false) => paper.CancelOrder(clientId, symbol, clientOrderId, isList);

        public VenueOrderResult PlaceOrder(VenueOrderRequest request)
        {
            var result = paper.PlaceOrder(request);
            if (!_done)
            {
                _done = true;
                meanwhile();
            }
            return result;
        }
    }
}
