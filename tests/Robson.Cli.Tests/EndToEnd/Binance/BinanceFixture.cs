using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// A tenant with a LIVE strategy and a venue "bn" pointing at a fake Binance on 127.0.0.1, with short timeouts.
/// Everything runs on real time: the fake checks timestamps against its own clock.
/// </summary>
public sealed class BinanceFixture : IDisposable
{
    public const string ApiKey = "test-api-key-0001";
    public const string Secret = "CANARY-SECRET-d41d8cd98f00b204";

    public Support.Robson Robson { get; } = new();
    public FakeBinanceExchange Exchange { get; } = new(ApiKey, Secret);
    public string StrategyId { get; }

    public BinanceFixture(string maxOrders = "100")
    {
        Robson.Clock.FollowSystemClock = true;
        foreach (var (name, value) in Environment) Robson.Environment[name] = value;
        Exchange.SetBalance("USDT", 100_000m);
        StrategyId = Robson.CreateLiveStrategy(maxOrders: maxOrders, maxPosition: "50");
        Robson.Expect(0, "venue", "add", "bn", "--kind", "binance-compatible", "--base-url", Exchange.BaseUrl, "--client-id", "1");
    }

    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ROBSON_BN_API_KEY"] = ApiKey,
        ["ROBSON_BN_API_SECRET"] = Secret,
        ["ROBSON_VENUE_TIMEOUT_MS"] = "1000",
        ["ROBSON_VENUE_RETRY_DELAY_MS"] = "20",
        ["ROBSON_VENUE_RECV_WINDOW_MS"] = "1000",
    };

    /// <summary>A validated plan on the fake venue (validation passes with a warning: balances are not read without LIVE).</summary>
    public string ValidatedPlan(string side = "buy", string symbol = "BTCUSDT", string quantity = "0.001")
    {
        var plan = Robson.Plan("1", side, symbol, quantity, "--venue", "bn", "--strategy-id", StrategyId);
        Robson.Expect(0, "validate", plan, "--client-id", "1");
        return plan;
    }

    /// <summary>A plan validated while the venue is unreachable for signing is not possible; this one is validated before.</summary>
    public string ValidatedPlanWithoutNetwork() => _spare ?? throw new InvalidOperationException("call PrepareSpare first");

    private string? _spare;

    public void PrepareSpare() => _spare = ValidatedPlan();

    public CliRun Live(string planId) => Robson.Run("execute", planId, "--client-id", "1", "--live", "--acknowledge-risk", "--json");

    public System.Text.Json.JsonElement Action(CliRun run) => run.Json.GetProperty("actions")[0];

    /// <summary>The run's REAL_ORDER actions for protective orders (details role PROTECTIVE_STOP).</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> ProtectiveActions(CliRun run) =>
        run.Json.GetProperty("actions").EnumerateArray()
            .Where(a => a.TryGetProperty("details", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.Object
                && d.TryGetProperty("role", out var role) && role.GetString() == "PROTECTIVE_STOP")
            .ToList();

    /// <summary>A protective order's client order id: its entry's, with "-p1" (and "-sl"/"-tp" for an OCO list's legs).</summary>
    public static bool IsProtective(string clientOrderId) =>
        System.Text.RegularExpressions.Regex.IsMatch(clientOrderId, @"-p\d+(-sl|-tp)?$");

    /// <summary>The orders the exchange accepted for plans' own legs (ENTRY), without the protective stops placed after fills.</summary>
    public IReadOnlyList<FakeOrder> EntryOrders => Exchange.Orders.Where(o => !IsProtective(o.ClientOrderId)).ToList();

    /// <summary>The protective orders the exchange accepted.</summary>
    public IReadOnlyList<FakeOrder> ProtectiveOrders => Exchange.Orders.Where(o => IsProtective(o.ClientOrderId)).ToList();

    /// <summary>The POST /api/v3/order requests for ENTRY orders (accepted, rejected or faulted), without protective ones.</summary>
    public int EntryOrderRequestCount => Exchange.Requests
        .Where(r => r.Endpoint == "POST /api/v3/order")
        .Count(r => ClientOrderIdOf(r) is not { } id || !IsProtective(id));

    private static string? ClientOrderIdOf(FakeRequest request)
    {
        foreach (var part in $"{request.Query.TrimStart('?')}&{request.Body}".Split('&'))
            if (part.StartsWith("newClientOrderId=", StringComparison.Ordinal))
                return Uri.UnescapeDataString(part["newClientOrderId=".Length..]);
        return null;
    }

    /// <summary>
    /// The one protective STOP_LOSS_LIMIT SELL of a filled BUY entry: client order id "&lt;entry&gt;-p1", the quantity
    /// bought net of the base-asset fee, resting on the exchange.
    /// </summary>
    public FakeOrder AssertProtectedOnce(FakeOrder entry)
    {
        var protective = Assert.Single(ProtectiveOrders, o => o.ClientOrderId == entry.ClientOrderId + "-p1");
        Assert.Equal(("SELL", "STOP_LOSS_LIMIT"), (protective.Side, protective.Type));
        Assert.True(protective.Quantity > 0 && protective.Quantity <= entry.ExecutedQty, $"protects {protective.Quantity} of {entry.ExecutedQty}");
        Assert.True(protective.StopPrice > 0 && protective.Price <= protective.StopPrice * 0.995m && protective.Price > protective.StopPrice * 0.994m,
            $"limit {protective.Price} for stop {protective.StopPrice}");
        return protective;
    }

    /// <summary>No client order id reached the exchange twice, and every order there has a record here.</summary>
    public void AssertAtMostOnce()
    {
        var orders = Exchange.Orders;
        Assert.Equal(orders.Count, orders.Select(o => o.ClientOrderId).Distinct().Count());
        using var store = Storage.Sqlite.SqliteStore.Open(Robson.Home, createIfMissing: false);
        foreach (var order in orders)
            Assert.NotNull(store.FindOrder(Core.Domain.ClientId.From(1), order.ClientOrderId));
    }

    public void Dispose()
    {
        Exchange.Dispose();
        Robson.Dispose();
    }
}
