using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Robson.Cli.Tests.Support.Postgres;
using Robson.Server.Tests.Support;
using Xunit.Abstractions;

namespace Robson.Server.Tests.Processes;

/// <summary>
/// Any number of `robson serve` processes on one PostgreSQL give the CLI's guarantees: 64 LIVE executions at once
/// through two servers, with max_orders_per_day 10, send exactly 10; the audit chain verifies.
/// </summary>
public sealed class TwoServersOnePostgresTests(ITestOutputHelper output) : IDisposable
{
    private const int MaxOrders = 10;
    private readonly Robson.Cli.Tests.Support.Robson _cli = PostgresRobson.Create();

    [Fact]
    public async Task SixtyFourLiveExecutions_ThroughTwoServers_SendExactlyTheDailyLimit()
    {
        _cli.Clock.Now = DateTimeOffset.UtcNow; // the servers read the real clock
        var strategy = _cli.CreateLiveStrategy("1", maxOrders: MaxOrders.ToString());
        var plans = Enumerable.Range(0, 64).Select(_ => _cli.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01")).ToList();
        var token = _cli.Expect(0, "token", "create", "--client-id", "1", "--role", "trader", "--json").Json.GetProperty("token").GetString()!;
        var environment = new Dictionary<string, string> { ["ROBSON_DATABASE_URL"] = _cli.Url() };
        using var first = await ServerProcess.Start(_cli.Home, environment);
        using var second = await ServerProcess.Start(_cli.Home, environment);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var replies = await Task.WhenAll(plans.Select(async (plan, i) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/plans/{plan}/execute")
            {
                Content = new StringContent("""{"mode": "live", "acknowledge_risk": true}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await (i % 2 == 0 ? first : second).Http.SendAsync(request);
            return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }));
        output.WriteLine($"64 LIVE executions through two servers: {started.Elapsed.TotalSeconds:0.0} s");

        Assert.All(replies, r => Assert.True(r.Item1 == 200, r.ToString()));
        Assert.Equal(MaxOrders, replies.Count(r => r.Item2.GetProperty("status").GetString() == "SUCCESS"));
        Assert.All(replies.Where(r => r.Item2.GetProperty("status").GetString() != "SUCCESS"), r =>
            Assert.Contains(r.Item2.GetProperty("guards").EnumerateArray(),
                g => g.GetProperty("name").GetString() == "ExecutionLimits" && !g.GetProperty("passed").GetBoolean()));
        _cli.Clock.Now = DateTimeOffset.UtcNow;
        Assert.Equal(MaxOrders, _cli.Expect(0, "report", "--client-id", "1", "--json").Json.GetProperty("orders").GetInt32());
        _cli.Expect(0, "audit", "verify", "--client-id", "1");
        Assert.Equal(0, first.Terminate(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, second.Terminate(TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => _cli.Dispose();
}
