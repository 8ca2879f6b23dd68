using Robson.Core.Execution;
using Robson.Venues.Binance;

namespace Robson.Venues.Tests.Binance;

/// <summary>An OCO list as one order, from its two legs.</summary>
public sealed class OrderListStatusTests
{
    public static TheoryData<string, decimal, string, decimal, string> Cases => new()
    {
        { "ACKED", 0m, "ACKED", 0m, "ACKED" },                       // both legs wait
        { "ACKED", 0m, "EXPIRED", 0m, "ACKED" },                     // the stop triggered and works; the take-profit expired
        { "PARTIALLY_FILLED", 0.4m, "EXPIRED", 0m, "PARTIALLY_FILLED" },
        { "FILLED", 1m, "EXPIRED", 0m, "FILLED" },
        { "EXPIRED", 0m, "FILLED", 1m, "FILLED" },
        { "CANCELED", 0m, "CANCELED", 0m, "CANCELED" },
        { "CANCELED", 0.4m, "EXPIRED", 0m, "CANCELED" },            // canceled after a partial fill: CANCELED, with the fills
        { "EXPIRED", 0m, "EXPIRED", 0m, "EXPIRED" },
        { "REJECTED", 0m, "REJECTED", 0m, "REJECTED" },
        { "UNKNOWN", 0m, "ACKED", 0m, "UNKNOWN" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheListIsWhatItsLegsSay(string first, decimal firstExecuted, string second, decimal secondExecuted, string list) =>
        Assert.Equal(OrderStatus.Parse(list),
            OrderListStatus.Of([(OrderStatus.Parse(first), firstExecuted), (OrderStatus.Parse(second), secondExecuted)]));
}
