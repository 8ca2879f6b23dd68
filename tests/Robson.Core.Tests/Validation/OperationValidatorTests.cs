using Robson.Core.Domain;
using Robson.Core.Plans;
using Robson.Core.Validation;
using static Robson.Core.Tests.Support.Fixtures;

namespace Robson.Core.Tests.Validation;

public sealed class OperationValidatorTests
{
    private static List<ValidationIssue> Validate(params PlanLeg[] legs) =>
        new OperationValidator().Validate(ValidationContexts.For(legs)).ToList();

    [Fact]
    public void Validate_WellFormedLimitAndMarketLegs_RaiseNothing()
    {
        Assert.Empty(Validate(LimitBuy(), MarketBuy()));
    }

    [Fact]
    public void Validate_PlanWithoutLegs_FailsOperationTypeMissing()
    {
        var context = ValidationContexts.For(Plan() with { Legs = [] });

        var issue = Assert.Single(new OperationValidator().Validate(context));

        Assert.Equal(ValidationCodes.OperationTypeMissing, issue.Code);
        Assert.Equal(IssueSeverity.Failure, issue.Severity);
    }

    [Fact]
    public void Validate_LegWithoutSymbol_FailsSymbolMissing()
    {
        var issue = Assert.Single(Validate(LimitBuy() with { Symbol = default }));

        Assert.Equal(ValidationCodes.SymbolMissing, issue.Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.001")]
    public void Validate_QuantityNotPositive_FailsQuantityInvalid(string quantity)
    {
        var issue = Assert.Single(Validate(LimitBuy(D(quantity))));

        Assert.Equal(ValidationCodes.QuantityInvalid, issue.Code);
        Assert.Equal(quantity, issue.Details["quantity"]);
    }

    [Fact]
    public void Validate_SmallestPositiveQuantity_RaisesNothing()
    {
        Assert.Empty(Validate(LimitBuy(0.00000001m)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-1")]
    public void Validate_LimitWithoutPositivePrice_FailsPriceInvalid(string? price)
    {
        var leg = LimitBuy() with { LimitPrice = price is null ? null : D(price) };

        Assert.Equal(ValidationCodes.PriceInvalid, Assert.Single(Validate(leg)).Code);
    }

    [Fact]
    public void Validate_StopLossNotPositive_FailsPriceInvalid()
    {
        var issue = Assert.Single(Validate(LimitBuy() with { StopLoss = 0m }));

        Assert.Equal(ValidationCodes.PriceInvalid, issue.Code);
        Assert.Equal("0", issue.Details["stop_loss"]);
    }

    [Fact]
    public void Validate_ProblemInSecondLeg_NamesLegTwo()
    {
        var issue = Assert.Single(Validate(LimitBuy(), LimitBuy(0m)));

        Assert.Equal("2", issue.Details["leg"]);
    }
}
