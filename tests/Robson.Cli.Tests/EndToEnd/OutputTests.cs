using Robson.Cli.Tests.Support;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>Colour only on a terminal and never with NO_COLOR; JSON never coloured; help exits 0.</summary>
public sealed class OutputTests : IDisposable
{
    private const string Escape = "\u001b[";
    private readonly Support.Robson _robson = new();
    private readonly string _planId;

    public OutputTests() => _planId = _robson.Plan("1", "buy", "BTCUSDT", "0.001");

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Report_OnATerminal_IsColoured()
    {
        _robson.Terminal = true;
        Assert.Contains(Escape, _robson.Expect(0, "execute", _planId, "--client-id", "1").Stdout);
    }

    [Fact]
    public void Report_OnATerminalWithNoColor_IsPlain()
    {
        _robson.Terminal = true;
        _robson.Environment["NO_COLOR"] = "1";
        Assert.DoesNotContain(Escape, _robson.Expect(0, "execute", _planId, "--client-id", "1").Stdout);
    }

    [Fact]
    public void Report_WhenRedirected_IsPlain() =>
        Assert.DoesNotContain(Escape, _robson.Expect(0, "execute", _planId, "--client-id", "1").Stdout);

    [Fact]
    public void Json_OnATerminal_IsPlainJson()
    {
        _robson.Terminal = true;
        var run = _robson.Expect(0, "execute", _planId, "--client-id", "1", "--json");
        Assert.DoesNotContain(Escape, run.Stdout);
        Assert.Equal("SUCCESS", run.Json.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("execute", "--help")]
    [InlineData("plan", "buy", "--help")]
    [InlineData("strategy", "create", "--help")]
    public void Help_ExitsZero_AndExplains(params string[] args)
    {
        var run = _robson.Expect(0, args);
        Assert.Contains("Usage:", run.Stdout);
        Assert.DoesNotContain("--validated", run.Stdout);
    }

    [Fact]
    public void ExecuteHelp_ExplainsDryRunDefaultAndLiveRequirements()
    {
        var help = _robson.Expect(0, "execute", "--help").Stdout;
        Assert.Contains("DRY-RUN by default", help);
        Assert.Contains("--acknowledge-risk", help);
        Assert.Contains("--client-id", help);
    }
}
