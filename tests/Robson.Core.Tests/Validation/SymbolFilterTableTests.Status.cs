using Robson.Core.Domain;
using Robson.Core.Market;
using Robson.Core.Validation;

namespace Robson.Core.Tests.Validation;

/// <summary>Symbol status, the full BTCUSDT filter set, and filters that are inapplicable or unknown.</summary>
public sealed partial class SymbolFilterTableTests
{
    public static TheoryData<string> InapplicableTypes() => new(InapplicableFilter.KnownTypes);

    [Theory]
    [InlineData(OrderSide.Buy)]
    [InlineData(OrderSide.Sell)]
    public void BtcUsdtFilters_ValidLimitAndMarketOrders_Pass(OrderSide side)
    {
        Assert.Empty(Validate(BtcUsdtFilters, Limit(side, "0.001", "50000")));
        Assert.Empty(Validate(BtcUsdtFilters, Market(side, "0.001")));
    }

    [Theory]
    [InlineData("BREAK")]
    [InlineData("HALT")]
    [InlineData("PRE_TRADING")]
    [InlineData("END_OF_DAY")]
    public void SymbolNotTrading_AnyStatusButTrading_FailsNamingTheStatus(string status)
    {
        var issue = SingleFailure(Validate(BtcUsdtFilters, Limit(OrderSide.Buy, "0.001", "50000"), status: status), ValidationCodes.SymbolNotTrading);

        Assert.Equal(status, issue.Details["status"]);
    }

    [Theory]
    [MemberData(nameof(InapplicableTypes))]
    public void InapplicableFilter_ProducesNothing(string type)
    {
        Assert.Empty(Validate(new InapplicableFilter(type), Limit(OrderSide.Buy, "0.001", "50000")));
        Assert.Empty(Validate(new InapplicableFilter(type), Market(OrderSide.Sell, "0.001")));
    }

    [Theory]
    [InlineData(OrderType.Limit)]
    [InlineData(OrderType.Market)]
    public void UnknownFilter_IsReportedAsUnknownFilterNamingTheType(OrderType type)
    {
        var leg = type == OrderType.Limit ? Limit(OrderSide.Buy, "0.001", "50000") : Market(OrderSide.Buy, "0.001");

        var issue = Assert.Single(Validate([.. BtcUsdtFilters, new UnknownFilter("EXCHANGE_MAX_NUM_WIDGETS")], leg));

        Assert.Equal(ValidationCodes.UnknownFilter, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("EXCHANGE_MAX_NUM_WIDGETS", issue.Details["filter"]);
    }
}
