using Robson.Core.Plans;

namespace Robson.Core.Guards;

/// <summary>
/// Every code a guard can block with: the contract of <c>code</c> in --json, of the stored execution and, like the
/// validation codes, stable. A failing guard result carries exactly one (the first reason when there are several;
/// Policy also lists every rule in its details); a passing one carries none.
/// </summary>
public static class GuardCodes
{
    // TenantContext
    public const string ClientIdRequired = "CLIENT_ID_REQUIRED";
    public const string TenantMismatch = "TENANT_MISMATCH";

    // Policy
    public const string StrategyRequired = "STRATEGY_REQUIRED";
    public const string LiveDisabled = "LIVE_DISABLED";
    public const string PlanKindNotAllowed = "PLAN_KIND_NOT_ALLOWED";
    public const string SymbolNotAllowed = "SYMBOL_NOT_ALLOWED";
    public const string OrderTypeNotAllowed = "ORDER_TYPE_NOT_ALLOWED";
    public const string MarketWithoutNotionalLimit = "MARKET_WITHOUT_NOTIONAL_LIMIT";
    public const string MaxNotionalPerOrder = "MAX_NOTIONAL_PER_ORDER";

    // ValidationRequired
    public const string ValidationMissing = "VALIDATION_MISSING";
    public const string ValidationHashMismatch = "VALIDATION_HASH_MISMATCH";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string ValidationStrategyChanged = "VALIDATION_STRATEGY_CHANGED";
    public const string ValidationExpired = "VALIDATION_EXPIRED";
    public const string ValidationInFuture = "VALIDATION_IN_FUTURE";

    // Acknowledgement
    public const string AcknowledgementRequired = "ACKNOWLEDGEMENT_REQUIRED";

    // TradingState
    public const string TradingHalted = "TRADING_HALTED";
    public const string TradingReduceOnly = "TRADING_REDUCE_ONLY";

    // ExecutionLimits
    public const string LimitsNotConfigured = "LIMITS_NOT_CONFIGURED";
    public const string MaxOrdersPerDay = "MAX_ORDERS_PER_DAY";
    public const string MaxNotionalPerDay = "MAX_NOTIONAL_PER_DAY";
    public const string MaxLossPerDay = "MAX_LOSS_PER_DAY";

    // SingleLiveExecution
    public const string PlanAlreadySent = "PLAN_ALREADY_SENT";

    // UnresolvedOrders
    public const string UnresolvedOrders = "UNRESOLVED_ORDERS";

    // VenueClock
    public const string ClockSkew = "CLOCK_SKEW";

    // MarketPrice
    public const string NoMarketPrice = "NO_MARKET_PRICE";

    // MarketConditions (details.codes lists the validation codes that failed on the market now)
    public const string MarketConditionsFailed = "MARKET_CONDITIONS_FAILED";

    // PlanIntegrity
    public const string PlanTampered = PlanIntegrity.Tampered;

    public static readonly IReadOnlyList<string> All =
    [
        ClientIdRequired, TenantMismatch,
        StrategyRequired, LiveDisabled, PlanKindNotAllowed, SymbolNotAllowed, OrderTypeNotAllowed, MarketWithoutNotionalLimit, MaxNotionalPerOrder,
        ValidationMissing, ValidationHashMismatch, ValidationFailed, ValidationStrategyChanged, ValidationExpired, ValidationInFuture,
        AcknowledgementRequired,
        TradingHalted, TradingReduceOnly,
        LimitsNotConfigured, MaxOrdersPerDay, MaxNotionalPerDay, MaxLossPerDay,
        PlanAlreadySent,
        UnresolvedOrders,
        ClockSkew,
        NoMarketPrice,
        MarketConditionsFailed,
        PlanTampered,
    ];
}
