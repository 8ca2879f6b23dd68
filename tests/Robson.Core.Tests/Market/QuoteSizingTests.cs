using Robson.Core.Domain;
using Robson.Core.Market;

namespace Robson.Core.Tests.Market;

/// <summary>A buy by quote amount: walk the asks spending the amount, round the quantity down to the lot step.</summary>
public sealed class QuoteSizingTests
{
    private static readonly SymbolRules Rules = SymbolRules.Simple(Symbol.From("BTCUSDT"), "TRADING", "BTC", "USDT", 0.01m, 1_000_000m, 0.01m,
        0.01m, 9000m, 0.01m, 5m);

    private static readonly OrderBook Book = new([new BookLevel(99m, 5m)], [new BookLevel(100m, 1m), new BookLevel(101m, 2m)], DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(100, 1)] // exactly the first level
    [InlineData(150, 1.49)] // 1 + 50/101 = 1.4950..., down to the step
    [InlineData(99.99, 0.99)] // one cent short of a whole level: never rounded up
    [InlineData(302, 3)] // the whole book (302 would buy it all): what the asks hold
    [InlineData(0.5, 0)] // less than one step's worth
    public void QuantityFor_SpendsUpToTheAmount_RoundedDownToTheStep(decimal quote, decimal expected)
    {
        Assert.Equal(expected, QuoteSizing.QuantityFor(Book, Rules, quote));
    }

    [Fact]
    public void QuantityFor_NeverCostsMoreThanTheAmount()
    {
        foreach (var quote in new[] { 1m, 33.33m, 100.01m, 250m, 301.99m })
        {
            var quantity = QuoteSizing.QuantityFor(Book, Rules, quote);
            Assert.True(FillSimulator.Simulate(Book, OrderSide.Buy, quantity, null, 0m).Notional <= quote, $"{quote}: {quantity}");
        }
    }

    [Fact]
    public void Sized_OnlyChangesALegByQuote()
    {
        var byQuantity = new Robson.Core.Plans.PlanLeg(Rules.Symbol, OrderSide.Buy, OrderType.Market, 0.5m, null, null);
        var byQuote = byQuantity with { Quantity = 0m, QuoteQuantity = 150m };

        Assert.Equal(byQuantity, QuoteSizing.Sized(byQuantity, Book, Rules));
        Assert.Equal(1.49m, QuoteSizing.Sized(byQuote, Book, Rules).Quantity);
        Assert.Equal(0m, QuoteSizing.Sized(byQuote, null, Rules).Quantity); // no book: nothing to size on
    }
}
