using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;

namespace Robson.Venues.Paper;

/// <summary>What one resting paper order filled when the price moved: the new fills, and where the order stands now.</summary>
public sealed record PaperOrderFill(ClientId ClientId, string ClientOrderId, string? ListClientOrderId, Symbol Symbol, OrderSide Side, OrderType Type,
    IReadOnlyList<VenueFill> Fills, OrderStatus Status, decimal ExecutedQuantity)
{
    /// <summary>The quantity these fills traded.</summary>
    public decimal Quantity => Fills.Sum(f => f.Quantity);

    public decimal AveragePrice => Quantity == 0 ? 0m : Fills.Sum(f => f.Price * f.Quantity) / Quantity;
}
