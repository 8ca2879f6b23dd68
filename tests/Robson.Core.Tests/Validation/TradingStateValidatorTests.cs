using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Plans;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

/// <summary>The tenant holds 1 BTC unless stated.</summary>
public sealed class TradingStateValidatorTests
{
    private static readonly TradingStatus Halted = new(TradingState.Halted, "loss limit reached", Now);
    private static readonly TradingStatus Reducing = new(TradingState.Reducing, "winding down", Now);

    private static PlanLeg Sell(decimal quantity, OrderType type = OrderType.Market) =>
        new(BtcUsdt, OrderSide.Sell, type, quantity, type == OrderType.Limit ? 50_000m : null, null);

    private static List<ValidationIssue> Validate(TradingStatus status, Plan plan, AccountSnapshot? account) =>
        new TradingStateValidator().Validate(ValidationContexts.For(plan) with { TradingStatus = status, Account = account }).ToList();

    private static List<ValidationIssue> Validate(TradingStatus status, params PlanLeg[] legs) =>
        Validate(status, Plan(legs), ValidationContexts.Account(usdt: 1_000m, btc: 1m));

    public static TheoryData<string> Plans() => new() { "limit buy", "market buy", "sell of a held asset", "rebalance" };

    private static Plan PlanFor(string name) => name switch
    {
        "limit buy" => Plan(LimitBuy()),
        "market buy" => Plan(MarketBuy()),
        "sell of a held asset" => Plan(Sell(0.5m)),
        _ => Plan(Sell(0.5m), MarketBuy()) with { Kind = PlanKind.Rebalance },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Validate_Halted_FailsEveryPlan(string plan)
    {
        var issue = Assert.Single(Validate(Halted, PlanFor(plan), ValidationContexts.Account(usdt: 1_000m, btc: 1m)));

        Assert.Equal(ValidationCodes.TradingHalted, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
        Assert.Equal("HALTED", issue.Details["state"]);
        Assert.Equal("loss limit reached", issue.Details["reason"]);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Validate_Active_RaisesNothing(string plan)
    {
        Assert.Empty(Validate(TradingStatus.Active, PlanFor(plan), ValidationContexts.Account(usdt: 1_000m, btc: 1m)));
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1")] // everything held
    public void Validate_ReducingSellOfHeldAsset_Passes(string quantity)
    {
        Assert.Empty(Validate(Reducing, Sell(D(quantity))));
        Assert.Empty(Validate(Reducing, Sell(D(quantity), OrderType.Limit)));
    }

    [Fact]
    public void Validate_ReducingSellsTogetherWithinHolding_Pass()
    {
        Assert.Empty(Validate(Reducing, Sell(0.5m), Sell(0.5m)));
    }

    /// <summary>A named plan, so each theory row reads as the case it is.</summary>
    public sealed record Legs(string Name, PlanLeg[] Items)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Legs> NotReducing() => new()
    {
        new Legs("a market buy", [MarketBuy()]),
        new Legs("a limit buy", [LimitBuy()]),
        new Legs("a sell beyond the holding", [Sell(1.00001m)]),
        new Legs("sells together beyond the holding", [Sell(0.5m), Sell(0.50001m)]),
        new Legs("a sell then a buy", [Sell(0.5m), MarketBuy()]),
    };

    [Theory]
    [MemberData(nameof(NotReducing))]
    public void Validate_ReducingAnythingButSellsOfHeldAssets_FailsReduceOnly(Legs legs)
    {
        var issue = Assert.Single(Validate(Reducing, legs.Items));

        Assert.Equal(ValidationCodes.TradingReduceOnly, issue.Code);
        Assert.Equal("REDUCING", issue.Details["state"]);
    }
}
