namespace Robson.Core.Validation;

/// <summary>Every code a validator can report: the contract of the human report, --json and the audit trail.</summary>
public static class ValidationCodes
{
    public const string TenantMismatch = "TENANT_MISMATCH";
    public const string RiskConfigMissing = "RISK_CONFIG_MISSING";
    public const string MaxDrawdownMissing = "MAX_DRAWDOWN_MISSING";
    public const string MaxDrawdownInvalid = "MAX_DRAWDOWN_INVALID";
    public const string MaxDrawdownHigh = "MAX_DRAWDOWN_HIGH";
    public const string StopLossMissing = "STOP_LOSS_MISSING";
    public const string StopLossInvalid = "STOP_LOSS_INVALID";
    public const string StopLossHigh = "STOP_LOSS_HIGH";
    public const string MaxPositionMissing = "MAX_POSITION_MISSING";
    public const string MaxPositionInvalid = "MAX_POSITION_INVALID";
    public const string MaxPositionHigh = "MAX_POSITION_HIGH";
    public const string OperationTypeMissing = "OPERATION_TYPE_MISSING";
    public const string SymbolMissing = "SYMBOL_MISSING";
    public const string QuantityInvalid = "QUANTITY_INVALID";
    public const string PriceInvalid = "PRICE_INVALID";
    public const string SymbolUnknown = "SYMBOL_UNKNOWN";
    public const string SymbolNotTrading = "SYMBOL_NOT_TRADING";
    public const string PriceFilter = "PRICE_FILTER";
    public const string LotSize = "LOT_SIZE";
    /// <summary>The order's value is below the venue's minimum (MIN_NOTIONAL, or NOTIONAL's minNotional).</summary>
    public const string MinNotional = "MIN_NOTIONAL";
    /// <summary>The order's value is above NOTIONAL's maxNotional: its own code, so a too-large order is not reported as too small.</summary>
    public const string MaxNotionalFilter = "MAX_NOTIONAL_FILTER";
    public const string MarketDataStale = "MARKET_DATA_STALE";
    public const string MarketLotSize = "MARKET_LOT_SIZE";
    public const string PercentPrice = "PERCENT_PRICE";
    public const string UnknownFilter = "UNKNOWN_FILTER";
    public const string PriceCollar = "PRICE_COLLAR";
    public const string InsufficientDepth = "INSUFFICIENT_DEPTH";
    public const string HighSlippage = "HIGH_SLIPPAGE";
    public const string MaxSlippageExceeded = "MAX_SLIPPAGE_EXCEEDED";
    public const string MaxNotionalPerOrder = "MAX_NOTIONAL_PER_ORDER";
    public const string InsufficientBalance = "INSUFFICIENT_BALANCE";
    public const string MaxPositionExceeded = "MAX_POSITION_EXCEEDED";
    public const string StopLossRequired = "STOP_LOSS_REQUIRED";
    public const string StopLossRiskExceeded = "STOP_LOSS_RISK_EXCEEDED";
    /// <summary>The protective order a buy's stop-loss places once it fills would fail the symbol's filters.</summary>
    public const string ProtectiveOrderInvalid = "PROTECTIVE_ORDER_INVALID";
    public const string MaxDrawdownExceeded = "MAX_DRAWDOWN_EXCEEDED";
    public const string TradingHalted = "TRADING_HALTED";
    public const string TradingReduceOnly = "TRADING_REDUCE_ONLY";
    public const string AccountUnavailable = "ACCOUNT_UNAVAILABLE";
    public const string OrderNotOpen = "ORDER_NOT_OPEN";
    public const string PlanTampered = Plans.PlanIntegrity.Tampered;

    public static readonly IReadOnlyList<string> All =
    [
        TenantMismatch, RiskConfigMissing, MaxDrawdownMissing, MaxDrawdownInvalid, MaxDrawdownHigh,
        StopLossMissing, StopLossInvalid, StopLossHigh, MaxPositionMissing, MaxPositionInvalid, MaxPositionHigh,
        OperationTypeMissing, SymbolMissing, QuantityInvalid, PriceInvalid, SymbolUnknown,
        SymbolNotTrading, PriceFilter, LotSize, MinNotional, MaxNotionalFilter, MarketDataStale, MarketLotSize, PercentPrice, UnknownFilter,
        PriceCollar, InsufficientDepth, HighSlippage, MaxSlippageExceeded, MaxNotionalPerOrder, InsufficientBalance, MaxPositionExceeded,
        StopLossRequired, StopLossRiskExceeded, ProtectiveOrderInvalid, MaxDrawdownExceeded, TradingHalted, TradingReduceOnly, AccountUnavailable, OrderNotOpen,
        PlanTampered,
    ];
}
