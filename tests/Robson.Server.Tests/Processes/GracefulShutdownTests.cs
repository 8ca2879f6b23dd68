using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Robson.Server.Tests.Support;

namespace Robson.Server.Tests.Processes;

/// <summary>
/// SIGTERM while LIVE executions are running and queued: the server stops accepting, finishes what it accepted, and
/// every execution it answered is recorded whole (no order of unknown outcome, the audit chain verifies).
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly Robson.Cli.Tests.Support.Robson _cli = new();

    [Fact]
    public async Task Sigterm_FinishesTheAcceptedExecutions_AndLeavesNoOrderUnknown()
    {
        _cli.Clock.Now = DateTimeOffset.UtcNow; // the server reads the real clock
        var strategy = _cli.CreateLiveStrategy("1", maxOrders: "100");
        var plans = Enumerable.Range(0, 12).Select(_ => _cli.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01")).ToList();
        var token = _cli.Expect(0, "token", "create", "--client-id", "1", "--role", "trader", "--json").Json.GetProperty("token").GetString()!;
        using var server = await ServerProcess.Start(_cli.Home, new Dictionary<string, string>(), false, "--concurrency", "2");

        var requests = plans.Select(async plan =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/plans/{plan}/execute")
            {
                Content = new StringContent("""{"mode": "live", "acknowledge_risk": true}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                using var response = await server.Http.SendAsync(request);
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                return (0, ""); // not accepted: the server had stopped listening
            }
        }).ToList();
        await Task.WhenAny(requests);
        Assert.Equal(0, server.Terminate(TimeSpan.FromSeconds(60)));
        var replies = await Task.WhenAll(requests);

        var answered = replies.Where(r => r.Item1 != 0).ToList();
        Assert.NotEmpty(answered);
        Assert.All(answered, r => Assert.True(r.Item1 == 200 && JsonDocument.Parse(r.Item2).RootElement.GetProperty("status").GetString() == "SUCCESS", r.ToString()));
        _cli.Clock.Now = DateTimeOffset.UtcNow;
        var executions = _cli.Expect(0, "executions", "list", "--client-id", "1", "--json").Json.GetProperty("executions");
        Assert.Equal(answered.Count, executions.EnumerateArray().Count(e => e.GetProperty("mode").GetString() == "LIVE"));
        var orders = _cli.Expect(0, "orders", "list", "--client-id", "1", "--json").Json;
        Assert.DoesNotContain("UNKNOWN", orders.GetRawText());
        _cli.Expect(0, "audit", "verify", "--client-id", "1");
    }

    public void Dispose() => _cli.Dispose();
}
