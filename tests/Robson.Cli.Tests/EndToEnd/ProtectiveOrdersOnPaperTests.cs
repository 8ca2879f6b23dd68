using System.Text.Json;
using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Protective orders end to end on the paper venue (ETHUSDT reference 3,000): a LIVE BUY with a stop-loss that fills leaves
/// one STOP_LOSS_LIMIT resting (or an OCO with a take-profit); set-price through it sells, reconcile records the loss; a stop
/// the price already reached is rejected and the execution ends UNPROTECTED until <c>robson protect</c>; a sell of the
/// position cancels its stop first and protects what remains.
/// </summary>
public sealed class ProtectiveOrdersOnPaperTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private CliRun Live(string planId, int exit = 0) =>
        _robson.Expect(exit, "execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

    private static JsonElement[] Actions(CliRun run) => [.. run.Json.GetProperty("actions").EnumerateArray()];

    private static JsonElement Details(JsonElement action) => action.GetProperty("details");

    private static string S(JsonElement details, string name) => details.TryGetProperty(name, out var value) ? value.ToString() : "";

    /// <summary>Details hold decimals as strings.</summary>
    private static decimal D(JsonElement details, string name) => decimal.Parse(S(details, name), System.Globalization.CultureInfo.InvariantCulture);

    private JsonElement Balance(string asset) =>
        _robson.Expect(0, "paper", "balance", "--client-id", "1", "--json").Json.GetProperty("balances").EnumerateArray()
            .Single(b => b.GetProperty("asset").GetString() == asset);

    /// <summary>Lines of <c>orders list</c> that show an order (not the header).</summary>
    private string[] OpenOrderLines() =>
        [.. _robson.Expect(0, "orders", "list", "--client-id", "1").Stdout.Split('\n').Where(l => l.StartsWith("rbs-", StringComparison.Ordinal))];

    /// <summary>A filled market BUY of 0.1 ETH with a stop-loss at 2,860; returns the entry's client order id.</summary>
    private (string Entry, CliRun Run) ProtectedBuy(string strategy, params string[] extra)
    {
        var plan = _robson.ValidatedPlan("1", strategy, ["buy", "ETHUSDT", "0.1", "--stop-loss", "2860", .. extra]);
        var run = Live(plan);
        var entry = Actions(run)[0];
        Assert.Equal("FILLED", S(Details(entry), "outcome"));
        return (S(Details(entry), "client_order_id"), run);
    }

    [Fact]
    public void AFilledBuyWithAStopLoss_LeavesExactlyOneProtectiveStopOnTheVenue_ForWhatWasBought()
    {
        var (entry, run) = ProtectedBuy(_robson.CreateLiveStrategy());

        Assert.Equal("SUCCESS", run.Json.GetProperty("status").GetString());
        var actions = Actions(run);
        Assert.Equal(2, actions.Length);
        Assert.Equal("PROTECTED", S(Details(actions[0]), "protection"));
        var stop = Details(actions[1]);
        Assert.Equal(("PROTECTIVE_STOP", entry, entry + "-p1", "RESTING"), (S(stop, "role"), S(stop, "protects"), S(stop, "client_order_id"), S(stop, "outcome")));
        // Stop 2860, limit 0.5 % (the default offset) below it: 2845.70; the whole 0.1 bought (the fee was paid in USDT).
        Assert.Equal((2860m, 2845.7m, 0.1m), (D(stop, "stop_price"), D(stop, "limit_price"), D(stop, "quantity")));

        var line = Assert.Single(OpenOrderLines());
        Assert.Contains(entry + "-p1", line);
        Assert.Contains("PROTECTIVE_STOP", line);
        Assert.Contains("2860", line);
        Assert.Equal((0m, 0.1m), (Balance("ETH").GetProperty("free").GetDecimal(), Balance("ETH").GetProperty("locked").GetDecimal()));

        // Reconcile keeps it, and places no second one.
        _robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Single(OpenOrderLines());
    }

    [Fact]
    public void ThePriceFallingThroughTheStop_SellsThePosition_AndReconcileRecordsTheFillAndTheLoss()
    {
        var (entry, _) = ProtectedBuy(_robson.CreateLiveStrategy());

        var moved = _robson.Expect(0, "paper", "set-price", "ETHUSDT", "2850");
        Assert.Contains(entry + "-p1", moved.Stdout);
        Assert.Contains("FILLED", moved.Stdout);

        var reconciled = _robson.Expect(0, "reconcile", "--client-id", "1");
        Assert.Contains(entry + "-p1", reconciled.Stdout);
        Assert.Contains("FILLED", reconciled.Stdout);
        Assert.Empty(OpenOrderLines());
        Assert.Equal(0m, Balance("ETH").GetProperty("free").GetDecimal() + Balance("ETH").GetProperty("locked").GetDecimal());

        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.True(report.GetProperty("realised_pnl").GetDecimal() < 0, report.ToString());
        Assert.True(report.GetProperty("realised_loss").GetDecimal() > 0, report.ToString());
        Assert.Equal(2, report.GetProperty("fills").GetInt32());
    }

    [Fact]
    public void WithATakeProfit_AnOcoIsPlaced_ThePriceRisingFillsTheTakeProfit_AndNothingStaysOpen()
    {
        var (entry, run) = ProtectedBuy(_robson.CreateLiveStrategy(), "--take-profit", "3200");

        var oco = Details(Actions(run)[1]);
        Assert.Equal(("PROTECTIVE_OCO", entry + "-p1", 2860m, 3200m), (S(oco, "role"), S(oco, "client_order_id"), D(oco, "stop_price"), D(oco, "take_profit_price")));
        Assert.Contains("PROTECTIVE_OCO", Assert.Single(OpenOrderLines())); // the list is one order

        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3200");
        var reconciled = _robson.Expect(0, "reconcile", "--client-id", "1");

        Assert.Contains(entry + "-p1", reconciled.Stdout);
        Assert.Contains("FILLED", reconciled.Stdout);
        Assert.Empty(OpenOrderLines());
        Assert.Equal((0m, 0m), (Balance("ETH").GetProperty("free").GetDecimal(), Balance("ETH").GetProperty("locked").GetDecimal()));
        var report = _robson.Expect(0, "report", "--client-id", "1", "--json").Json;
        Assert.True(report.GetProperty("realised_pnl").GetDecimal() > 0, report.ToString());
    }

    [Fact]
    public void AStopThePriceAlreadyReached_IsRejected_TheExecutionEndsUnprotected_AndProtectPlacesItOnceFixed()
    {
        var strategy = _robson.CreateLiveStrategy();
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--stop-loss", "3000.1");
        // The stop lies under the price paid (3000.15, the ask) but above the mid (3000): the venue refuses it.

        var run = Live(plan, exit: 1);

        var json = run.Json;
        Assert.True(json.GetProperty("status").GetString() == "UNPROTECTED", run.ToString());
        var entry = Details(Actions(run)[0]);
        var entryId = S(entry, "client_order_id");
        Assert.Equal(("FILLED", "UNPROTECTED"), (S(entry, "outcome"), S(entry, "protection")));
        var stop = Details(Actions(run)[1]);
        Assert.Equal(("PROTECTIVE_STOP", "REJECTED"), (S(stop, "role"), S(stop, "outcome")));
        Assert.Contains("Order would trigger immediately.", S(stop, "reason"));
        var notice = Assert.Single(json.GetProperty("notices").EnumerateArray().Select(n => n.GetString()!), n => n.Contains("UNPROTECTED"));
        Assert.Contains($"robson protect --client-id 1 --order {entryId}", notice);
        Assert.Contains("PROTECTION_FAILED", _robson.Expect(0, "audit", "list", "--client-id", "1").Stdout);
        Assert.Empty(OpenOrderLines());

        _robson.Expect(1, "protect", "--client-id", "1", "--order", entryId); // still under the stop: still unprotected
        _robson.Expect(0, "paper", "set-price", "ETHUSDT", "3010");
        var protect = _robson.Expect(0, "protect", "--client-id", "1", "--order", entryId);

        Assert.Contains("PROTECTION: PROTECTED", protect.Stdout);
        var line = Assert.Single(OpenOrderLines());
        Assert.Contains("PROTECTIVE_STOP", line);
        _robson.Expect(0, "protect", "--client-id", "1", "--order", entryId); // protected already: no second order
        Assert.Single(OpenOrderLines());
        _robson.Expect(2, "protect", "--client-id", "1", "--order", "rbs-no-such-order");
    }

    [Fact]
    public void OnProtectionFailureClose_SellsThePositionAtMarket_WhenTheStopIsRejected()
    {
        var strategy = _robson.CreateLiveStrategy(extra: ["--on-protection-failure", "close"]);
        var plan = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.1", "--stop-loss", "3000.1"); // above the mid: the stop is refused

        var run = Live(plan, exit: 1);

        Assert.True(run.Json.GetProperty("status").GetString() == "UNPROTECTED", run.ToString());
        var close = Actions(run).Select(Details).Single(d => S(d, "role") == "CLOSE");
        Assert.Equal("FILLED", S(close, "outcome"));
        Assert.Equal(0.1m, D(close, "executed_quantity"));
        Assert.Equal(0m, Balance("ETH").GetProperty("free").GetDecimal() + Balance("ETH").GetProperty("locked").GetDecimal());
        Assert.Empty(OpenOrderLines());
    }

    [Fact]
    public void SellingPartOfAProtectedPosition_CancelsItsStopFirst_AndProtectsWhatRemains()
    {
        var strategy = _robson.CreateLiveStrategy();
        var (entry, _) = ProtectedBuy(strategy);

        var plan = _robson.Expect(0, "plan", "sell", "ETHUSDT", "0.04", "--strategy-id", strategy, "--client-id", "1", "--json").Json;
        var legs = plan.GetProperty("legs").EnumerateArray().ToArray();
        Assert.True(legs.Length == 2, plan.ToString());
        Assert.Contains(entry + "-p1", legs[0].ToString());
        Assert.Contains("SELL", legs[1].ToString().ToUpperInvariant());
        var planId = plan.GetProperty("plan_id").GetString()!;
        _robson.Expect(0, "validate", planId, "--client-id", "1");

        var run = Live(planId);

        Assert.Equal("SUCCESS", run.Json.GetProperty("status").GetString());
        var details = Actions(run).Select(Details).ToArray();
        Assert.Equal((entry + "-p1", "CANCELED"), (S(details[0], "client_order_id"), S(details[0], "status")));
        Assert.Equal("FILLED", S(details[1], "outcome"));
        var renewed = details.Single(d => S(d, "role") == "PROTECTIVE_STOP");
        Assert.Equal((entry + "-p2", 0.06m, 2860m), (S(renewed, "client_order_id"), D(renewed, "quantity"), D(renewed, "stop_price")));

        var line = Assert.Single(OpenOrderLines());
        Assert.Contains(entry + "-p2", line);
        Assert.Equal((0m, 0.06m), (Balance("ETH").GetProperty("free").GetDecimal(), Balance("ETH").GetProperty("locked").GetDecimal()));
    }
}
