using Robson.Core.Domain;

namespace Robson.Core.Strategies;

/// <summary>
/// A tenant's named set of rules. Every change bumps <see cref="Version"/>, so a validation made under an
/// earlier version no longer authorises LIVE.
/// </summary>
public sealed record Strategy(
    long Id,
    ClientId ClientId,
    string Name,
    int Version,
    StrategySettings Settings,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Risk configuration, daily execution limits and policy. Unset (null) means "not configured".</summary>
public sealed record StrategySettings
{
    /// <summary>Default 15 minutes: how long a validation authorises LIVE.</summary>
    public const int DefaultValidationTtlMinutes = 15;

    public decimal? MaxDrawdownPercent { get; init; }
    public decimal? StopLossPercent { get; init; }
    public decimal? MaxPositionSizePercent { get; init; }
    public int? MaxOrdersPerDay { get; init; }
    public decimal? MaxNotionalPerDay { get; init; }
    public decimal? MaxLossPerDay { get; init; }

    /// <summary>Default false: LIVE is refused until a strategy enables it.</summary>
    public bool LiveEnabled { get; init; }

    /// <summary>Empty means every symbol the venue trades.</summary>
    public IReadOnlyList<string> AllowedSymbols { get; init; } = [];

    /// <summary>Default: market and limit.</summary>
    public IReadOnlyList<OrderType> AllowedOrderTypes { get; init; } = [OrderType.Market, OrderType.Limit];

    public decimal? MaxNotionalPerOrder { get; init; }
    public int ValidationTtlMinutes { get; init; } = DefaultValidationTtlMinutes;

    /// <summary>Default 5 %: a limit price farther than this from the current mid fails validation (fat finger).</summary>
    public decimal PriceCollarPercent { get; init; } = DefaultPriceCollarPercent;

    /// <summary>Default 0.5 %: a market order whose expected slippage against the mid exceeds this warns.</summary>
    public decimal SlippageWarningPercent { get; init; } = DefaultSlippageWarningPercent;

    /// <summary>Default none: a market order whose expected slippage against the mid exceeds this fails (at validation and when it leaves).</summary>
    public decimal? MaxSlippagePercent { get; init; }

    /// <summary>Default 5 s: at LIVE, market data older than this when an order leaves blocks it (MARKET_DATA_STALE).</summary>
    public int SendTimeMaxDataAgeSeconds { get; init; } = DefaultSendTimeMaxDataAgeSeconds;

    /// <summary>Default: every kind (buy, sell, rebalance, cancel).</summary>
    public IReadOnlyList<PlanKind> AllowedPlanKinds { get; init; } = [PlanKind.Buy, PlanKind.Sell, PlanKind.Rebalance, PlanKind.Cancel];

    /// <summary>Default 0.5 %: a protective stop's limit price lies this far below its stop price.</summary>
    public decimal StopLimitOffsetPercent { get; init; } = DefaultStopLimitOffsetPercent;

    /// <summary>Default alert: when a filled entry's protective order cannot be placed, report UNPROTECTED (close: also sell the position at market).</summary>
    public ProtectionFailureAction OnProtectionFailure { get; init; } = ProtectionFailureAction.Alert;

    public const decimal DefaultStopLimitOffsetPercent = 0.5m;
    public const decimal DefaultPriceCollarPercent = 5m;
    public const decimal DefaultSlippageWarningPercent = 0.5m;
    public const int DefaultSendTimeMaxDataAgeSeconds = 5;

    public bool AllowsSymbol(Symbol symbol) => AllowedSymbols.Count == 0 || AllowedSymbols.Contains(symbol.Value);
}

/// <summary>What Robson does when a filled entry's protective order cannot be placed.</summary>
public enum ProtectionFailureAction
{
    /// <summary>Report the execution UNPROTECTED (exit 1), with a notice and the command to retry.</summary>
    Alert,

    /// <summary>As alert, and sell the unprotected quantity at market (capped at the collar).</summary>
    Close,
}
