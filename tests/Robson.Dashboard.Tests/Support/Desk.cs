using System.Text.Json;
using Robson.Server.Tests.Support;

namespace Robson.Dashboard.Tests.Support;

/// <summary>
/// A desk's last three days for the pages: a strategy, LIVE buys that filled (today's protective stop rests), a sale at
/// a profit, a LIVE attempt blocked for want of the acknowledgement, a failed validation, a DRY-RUN; tokens for each
/// role of tenant 1.
/// </summary>
public sealed class Desk : IAsyncDisposable
{
    public ServerHarness Server { get; }
    public string Risk { get; }
    public string Trader { get; }
    public string Viewer { get; }
    public long Strategy { get; private set; }
    public string FilledExecution { get; private set; } = "";

    private Desk(ServerHarness server)
    {
        Server = server;
        Risk = server.Token("1", "risk", name: "risk-officer");
        Trader = server.Token("1", "trader", name: "desk");
        Viewer = server.Token("1", "viewer", name: "wall-screen");
    }

    public static async Task<Desk> Open()
    {
        var desk = new Desk(await ServerHarness.Start(cli => cli.Expect(0, "paper", "deposit", "USDT", "10000", "--client-id", "1")));
        await desk.Build();
        return desk;
    }

    /// <summary>Three days: a buy; then a sale at a profit and a blocked attempt; then today's buy, a failed validation, a DRY-RUN.</summary>
    private async Task Build()
    {
        Strategy = (await Server.Post(Risk, "/v1/strategies", new Dictionary<string, object>
        {
            ["name"] = "swing", ["max_drawdown_percent"] = "20", ["stop_loss_percent"] = "5", ["live_enabled"] = true,
            ["max_orders_per_day"] = 10, ["max_notional_per_day"] = "5000", ["max_loss_per_day"] = "500",
        })).Json.GetProperty("strategy_id").GetInt64();
        await LiveBuy("0.02");

        Server.Cli.Clock.Advance(TimeSpan.FromDays(1));
        Server.Cli.Expect(0, "paper", "set-price", "BTCUSDT", "61500");
        var sell = (await Server.Post(Trader, "/v1/plans", new Dictionary<string, object>
        {
            ["side"] = "sell", ["symbol"] = "BTCUSDT", ["quantity"] = "0.02", ["limit"] = "61400", ["strategy_id"] = Strategy,
        })).Json.GetProperty("plan_id").GetString()!;
        await Server.Post(Trader, $"/v1/plans/{sell}/validate");
        var sold = await Server.Post(Trader, $"/v1/plans/{sell}/execute", new { mode = "live", acknowledge_risk = true });
        Assert.True(sold.Json.GetProperty("status").GetString() == "SUCCESS", sold.ToString());
        var blocked = await Plan("0.002");
        await Server.Post(Trader, $"/v1/plans/{blocked}/validate");
        await Server.Post(Trader, $"/v1/plans/{blocked}/execute", new { mode = "live" });

        Server.Cli.Clock.Advance(TimeSpan.FromDays(1));
        Server.Cli.Expect(0, "paper", "set-price", "BTCUSDT", "60000");
        FilledExecution = (await LiveBuy("0.01")).GetProperty("execution_id").GetString()!;
        var tooBig = await Plan("1");
        await Server.Post(Trader, $"/v1/plans/{tooBig}/validate");
        var rehearsal = await Plan("0.003");
        await Server.Post(Trader, $"/v1/plans/{rehearsal}/validate");
        await Server.Post(Trader, $"/v1/plans/{rehearsal}/execute", new { });
    }

    public async Task<string> Plan(string quantity) =>
        (await Server.Post(Trader, "/v1/plans", new Dictionary<string, object>
        {
            ["side"] = "buy", ["symbol"] = "BTCUSDT", ["quantity"] = quantity, ["limit"] = "60010", ["stop_loss"] = "57100", ["strategy_id"] = Strategy,
        })).Json.GetProperty("plan_id").GetString()!;

    /// <summary>A LIVE buy through the API that fills on the paper venue; its execution document.</summary>
    public async Task<JsonElement> LiveBuy(string quantity)
    {
        var plan = await Plan(quantity);
        await Server.Post(Trader, $"/v1/plans/{plan}/validate");
        var execution = await Server.Post(Trader, $"/v1/plans/{plan}/execute", new { mode = "live", acknowledge_risk = true });
        Assert.True(execution.Json.GetProperty("status").GetString() == "SUCCESS", execution.ToString());
        return execution.Json;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
