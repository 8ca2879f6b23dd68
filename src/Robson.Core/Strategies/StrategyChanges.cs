using Robson.Core.Domain;

namespace Robson.Core.Strategies;

/// <summary>
/// The options given to <c>strategy create</c> or <c>strategy set</c>; only the ones present change anything.
/// </summary>
public sealed record StrategyChanges
{
    public decimal? MaxDrawdownPercent { get; init; }
    public decimal? StopLossPercent { get; init; }
    public decimal? MaxPositionSizePercent { get; init; }
    public int? MaxOrdersPerDay { get; init; }
    public decimal? MaxNotionalPerDay { get; init; }
    public decimal? MaxLossPerDay { get; init; }
    public bool? LiveEnabled { get; init; }
    public IReadOnlyList<string>? AllowedSymbols { get; init; }
    public IReadOnlyList<OrderType>? AllowedOrderTypes { get; init; }
    public decimal? MaxNotionalPerOrder { get; init; }
    public int? ValidationTtlMinutes { get; init; }
    public decimal? PriceCollarPercent { get; init; }
    public decimal? SlippageWarningPercent { get; init; }
    public IReadOnlyList<PlanKind>? AllowedPlanKinds { get; init; }

    public bool IsEmpty => this == new StrategyChanges();

    public StrategySettings ApplyTo(StrategySettings settings) => settings with
    {
        MaxDrawdownPercent = MaxDrawdownPercent ?? settings.MaxDrawdownPercent,
        StopLossPercent = StopLossPercent ?? settings.StopLossPercent,
        MaxPositionSizePercent = MaxPositionSizePercent ?? settings.MaxPositionSizePercent,
        MaxOrdersPerDay = MaxOrdersPerDay ?? settings.MaxOrdersPerDay,
        MaxNotionalPerDay = MaxNotionalPerDay ?? settings.MaxNotionalPerDay,
        MaxLossPerDay = MaxLossPerDay ?? settings.MaxLossPerDay,
        LiveEnabled = LiveEnabled ?? settings.LiveEnabled,
        AllowedSymbols = AllowedSymbols ?? settings.AllowedSymbols,
        AllowedOrderTypes = AllowedOrderTypes ?? settings.AllowedOrderTypes,
        MaxNotionalPerOrder = MaxNotionalPerOrder ?? settings.MaxNotionalPerOrder,
        ValidationTtlMinutes = ValidationTtlMinutes ?? settings.ValidationTtlMinutes,
        PriceCollarPercent = PriceCollarPercent ?? settings.PriceCollarPercent,
        SlippageWarningPercent = SlippageWarningPercent ?? settings.SlippageWarningPercent,
        AllowedPlanKinds = AllowedPlanKinds ?? settings.AllowedPlanKinds,
    };
}
