using System.Text.Json;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary><c>plan copy</c>: the same content as a new plan (new id, time and hash), with no history, audited as a creation.</summary>
public sealed class PlanCopyTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Copy_PlanExecutedLive_IsANewPlanWithTheSameContent_ReadyToValidateAgain()
    {
        var strategy = _robson.CreateLiveStrategy();
        var source = _robson.ValidatedPlan("1", strategy, "buy", "ETHUSDT", "0.01", "--limit", "3010", "--tif", "ioc");
        _robson.Expect(0, "execute", source, "--client-id", "1", "--live", "--acknowledge-risk");
        _robson.Clock.Advance(TimeSpan.FromMinutes(1));

        var copy = _robson.Expect(0, "plan", "copy", source, "--client-id", "1", "--json").Json;
        var original = _robson.Expect(0, "plans", "show", source, "--client-id", "1", "--json").Json;

        var id = copy.GetProperty("plan_id").GetString()!;
        Assert.NotEqual(source, id);
        Assert.NotEqual(original.GetProperty("hash").GetString(), copy.GetProperty("hash").GetString());
        Assert.Equal(_robson.Clock.Now, DateTimeOffset.Parse(copy.GetProperty("created_at").GetString()!));
        foreach (var field in new[] { "client_id", "strategy_id", "kind", "venue", "legs", "allocation" })
            Assert.Equal(original.GetProperty(field).GetRawText(), copy.GetProperty(field).GetRawText());
        Assert.Equal("NEW", _robson.Expect(0, "plans", "show", id, "--client-id", "1", "--json").Json.GetProperty("status").GetProperty("stage").GetString());
        _robson.Expect(0, "validate", id, "--client-id", "1");

        var created = _robson.Expect(0, "audit", "export", "--client-id", "1").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).Last(e => e.GetProperty("kind").GetString() == "PLAN_CREATED");
        Assert.Equal(id, created.GetProperty("plan_id").GetString());
        Assert.Equal(source, created.GetProperty("details").GetProperty("copied_from").GetString());
    }

    [Fact]
    public void Copy_HumanOutput_NamesTheSource()
    {
        var source = _robson.Plan("1", "sell", "ETHUSDT", "0.5");

        var run = _robson.Expect(0, "plan", "copy", source, "--client-id", "1");

        Assert.Contains($"note: copy of plan {source}", run.Stdout);
        Assert.Contains("SELL 0.5 ETHUSDT MARKET", run.Stdout);
    }

    [Theory]
    [InlineData("2")]      // another tenant's plan
    [InlineData("1", "nosuchplan")]
    [InlineData("1", "bad id!")]
    public void Copy_PlanTheTenantDoesNotHave_ExitsTwo_AndWritesNothing(string client, string? planId = null)
    {
        var source = _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        var before = _robson.StoreBytes();

        var run = _robson.Expect(2, "plan", "copy", planId ?? source, "--client-id", client);

        Assert.Equal("", run.Stdout);
        Assert.Contains(planId == "bad id!" ? "invalid plan id" : "not found", run.Stderr);
        Assert.Equal(before, _robson.StoreBytes());
        Assert.Single(_robson.Expect(0, "plans", "list", "--client-id", "1", "--json").Json.GetProperty("plans").EnumerateArray());
    }
}
