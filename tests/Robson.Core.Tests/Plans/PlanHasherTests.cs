using Robson.Core.Domain;
using Robson.Core.Plans;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Plans;

public sealed class PlanHasherTests
{
    private static Plan Base() => Plan(LimitBuy(0.001m, 50_000m) with { StopLoss = 45_000m });

    [Fact]
    public void Compute_SameContentBuiltTwice_SameHash()
    {
        Assert.Equal(PlanHasher.Compute(Base()), PlanHasher.Compute(Base()));
    }

    [Fact]
    public void Compute_IsLowerCaseHexSha256()
    {
        Assert.Matches("^[0-9a-f]{64}$", PlanHasher.Compute(Base()));
    }

    [Fact]
    public void Compute_TrailingZerosInDecimals_SameHash()
    {
        var padded = Plan(LimitBuy(0.0010m, 50_000.00m) with { StopLoss = 45_000.0m });

        Assert.Equal(PlanHasher.Compute(Base()), PlanHasher.Compute(padded));
    }

    [Fact]
    public void Compute_SameInstantInAnotherOffset_SameHash()
    {
        var plan = Base();
        var shifted = plan with { CreatedAt = plan.CreatedAt.ToOffset(TimeSpan.FromHours(2)) };

        Assert.Equal(PlanHasher.Compute(plan), PlanHasher.Compute(shifted));
    }

    [Fact]
    public void Compute_IgnoresTheStoredHash()
    {
        Assert.Equal(PlanHasher.Compute(Base()), PlanHasher.Compute(Base() with { Hash = "tampered" }));
    }

    [Fact]
    public void WithHash_StoresTheComputedHash()
    {
        var plan = Base();

        Assert.Equal(PlanHasher.Compute(plan), PlanHasher.WithHash(plan with { Hash = "" }).Hash);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("client_id")]
    [InlineData("strategy_id")]
    [InlineData("strategy_id_removed")]
    [InlineData("kind")]
    [InlineData("venue")]
    [InlineData("created_at")]
    [InlineData("symbol")]
    [InlineData("side")]
    [InlineData("type")]
    [InlineData("quantity")]
    [InlineData("limit_price")]
    [InlineData("limit_price_removed")]
    [InlineData("stop_loss")]
    [InlineData("stop_loss_removed")]
    [InlineData("leg_added")]
    [InlineData("quote_quantity")]
    public void Compute_AnyFieldChanged_DifferentHash(string field)
    {
        var plan = Base();
        var leg = plan.Legs[0];
        var changed = field switch
        {
            "id" => plan with { Id = "pl4n0002" },
            "client_id" => plan with { ClientId = OtherClient },
            "strategy_id" => plan with { StrategyId = 8 },
            "strategy_id_removed" => plan with { StrategyId = null },
            "kind" => plan with { Kind = PlanKind.Sell },
            "venue" => plan with { Venue = "binance" },
            "created_at" => plan with { CreatedAt = plan.CreatedAt.AddTicks(1) },
            "leg_added" => plan with { Legs = [leg, leg] },
            _ => plan with
            {
                Legs =
                [
                    field switch
                    {
                        "symbol" => leg with { Symbol = Symbol.From("ETHUSDT") },
                        "side" => leg with { Side = OrderSide.Sell },
                        "type" => leg with { Type = OrderType.Market },
                        "quantity" => leg with { Quantity = 0.00100001m },
                        "limit_price" => leg with { LimitPrice = 50_000.01m },
                        "limit_price_removed" => leg with { LimitPrice = null },
                        "stop_loss" => leg with { StopLoss = 45_000.01m },
                        "quote_quantity" => leg with { QuoteQuantity = 100m },
                        _ => leg with { StopLoss = null },
                    },
                ],
            },
        };

        Assert.NotEqual(PlanHasher.Compute(plan), PlanHasher.Compute(changed));
    }

    [Fact]
    public void Compute_LimitPriceAndStopLossSwapped_DifferentHash()
    {
        var limitOnly = Plan(LimitBuy(1m, 5m) with { StopLoss = null });
        var stopOnly = Plan(LimitBuy(1m, 5m) with { LimitPrice = null, StopLoss = 5m });

        Assert.NotEqual(PlanHasher.Compute(limitOnly), PlanHasher.Compute(stopOnly));
    }

    [Fact]
    public void Canonical_LegWithoutQuoteAmount_IsWrittenAsBeforeTheOptionExisted()
    {
        // Plans stored before --quote keep their hashes: the field is written only when set.
        var line = PlanHasher.Canonical(Base()).Split('\n').Single(l => l.StartsWith("leg=", StringComparison.Ordinal));

        Assert.Equal("leg=BTCUSDT|BUY|LIMIT|0.001|50000|45000", line);
    }

    [Fact]
    public void Canonical_QuoteAmount_IsWrittenAtTheEndOfItsLeg()
    {
        var plan = Plan(MarketBuy(0m) with { QuoteQuantity = 100.50m });

        Assert.EndsWith("|quote:100.5", PlanHasher.Canonical(plan).Split('\n').Single(l => l.StartsWith("leg=", StringComparison.Ordinal)));
    }
}
