using Robson.Core.Domain;
using Robson.Core.Guards;
using Robson.Core.Plans;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Guards;

public sealed class UnresolvedOrdersGuardTests
{
    private readonly UnresolvedOrdersGuard _guard = new();
    private static readonly HashSet<string> UnknownOnBtc = ["BTCUSDT"];

    [Fact]
    public void Evaluate_LiveWithAnUnknownOrderOnTheSymbol_Blocks()
    {
        var result = _guard.Evaluate(GuardContexts.Live() with { UnresolvedSymbols = UnknownOnBtc });

        Assert.False(result.Passed);
        Assert.Equal("BTCUSDT", result.Details["symbols"]);
    }

    [Fact]
    public void Evaluate_LiveWithAnUnknownOrderOnAnotherSymbol_Passes() =>
        Assert.True(_guard.Evaluate(GuardContexts.Live() with { UnresolvedSymbols = new HashSet<string> { "ETHUSDT" } }).Passed);

    [Fact]
    public void Evaluate_DryRunWithAnUnknownOrderOnTheSymbol_PassesAndSaysItWouldBlockLive()
    {
        var result = _guard.Evaluate(GuardContexts.DryRun() with { UnresolvedSymbols = UnknownOnBtc });

        Assert.True(result.Passed);
        Assert.StartsWith("Would block LIVE", result.Message);
    }

    [Fact]
    public void Evaluate_CancelWithAnUnknownOrderOnTheSymbol_PassesAndSaysWhy()
    {
        var cancel = PlanHasher.WithHash(Plan() with { Kind = PlanKind.Cancel, Legs = [LimitBuy() with { CancelsOrder = "rbs-abc-1" }] });

        var result = _guard.Evaluate(GuardContexts.Live() with { Plan = cancel, UnresolvedSymbols = UnknownOnBtc });

        Assert.True(result.Passed);
        Assert.Contains("a cancel only takes an order off the book", result.Message);
    }
}
