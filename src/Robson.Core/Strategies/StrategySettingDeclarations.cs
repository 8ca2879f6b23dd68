using Robson.Core.Domain;
using static Robson.Core.Strategies.SettingGroup;

namespace Robson.Core.Strategies;

/// <summary>
/// Every strategy setting, declared once. <c>strategy create|set</c> options and their input rules, the human
/// report, <c>--json</c>, storage and the audit all read this table, in this order.
/// Adding a setting: its typed property (with its default) on <see cref="StrategySettings"/>, one entry here
/// (and in <see cref="All"/>), and the rule that uses it in a validator or guard.
/// </summary>
public static class StrategySettingDeclarations
{
    public static readonly StrategySetting<decimal?> MaxDrawdownPercent = new(
        "max_drawdown_percent", Risk, SettingKinds.OptionalPositiveDecimal,
        "Max drawdown from peak equity, percent (0-100]; above 50 warns.",
        s => s.MaxDrawdownPercent, (s, v) => s with { MaxDrawdownPercent = v });

    public static readonly StrategySetting<decimal?> StopLossPercent = new(
        "stop_loss_percent", Risk, SettingKinds.OptionalPositiveDecimal,
        "Stop-loss distance, percent (0-100]; above 10 warns.",
        s => s.StopLossPercent, (s, v) => s with { StopLossPercent = v });

    public static readonly StrategySetting<decimal?> MaxPositionSizePercent = new(
        "max_position_size_percent", Risk, SettingKinds.OptionalPositiveDecimal,
        "Max position as percent of equity (0-100]; above 50 warns.",
        s => s.MaxPositionSizePercent, (s, v) => s with { MaxPositionSizePercent = v });

    public static readonly StrategySetting<int?> MaxOrdersPerDay = new(
        "max_orders_per_day", DailyLimits, SettingKinds.OptionalPositiveWholeNumber,
        "LIVE orders per UTC day (required for LIVE).",
        s => s.MaxOrdersPerDay, (s, v) => s with { MaxOrdersPerDay = v });

    public static readonly StrategySetting<decimal?> MaxNotionalPerDay = new(
        "max_notional_per_day", DailyLimits, SettingKinds.OptionalPositiveDecimal,
        "LIVE notional per UTC day, quote asset (required for LIVE).",
        s => s.MaxNotionalPerDay, (s, v) => s with { MaxNotionalPerDay = v });

    public static readonly StrategySetting<decimal?> MaxLossPerDay = new(
        "max_loss_per_day", DailyLimits, SettingKinds.OptionalPositiveDecimal,
        "Realised loss per UTC day, fees included (required for LIVE).",
        s => s.MaxLossPerDay, (s, v) => s with { MaxLossPerDay = v });

    public static readonly StrategySetting<bool> LiveEnabled = new(
        "live_enabled", Policy, SettingKinds.Flag,
        "Allow LIVE execution (default: off). `--live-enabled false` turns it off.",
        s => s.LiveEnabled, (s, v) => s with { LiveEnabled = v });

    public static readonly StrategySetting<IReadOnlyList<string>> AllowedSymbols = new(
        "allowed_symbols", Policy, SettingKinds.Symbols,
        "Comma-separated symbols, e.g. BTCUSDT,ETHUSDT (default: all).",
        s => s.AllowedSymbols, (s, v) => s with { AllowedSymbols = v });

    public static readonly StrategySetting<IReadOnlyList<OrderType>> AllowedOrderTypes = new(
        "allowed_order_types", Policy, SettingKinds.OrderTypes,
        "Comma-separated: market,limit (default: both).",
        s => s.AllowedOrderTypes, (s, v) => s with { AllowedOrderTypes = v });

    public static readonly StrategySetting<decimal?> MaxNotionalPerOrder = new(
        "max_notional_per_order", Policy, SettingKinds.OptionalPositiveDecimal,
        "Largest notional of a single order.",
        s => s.MaxNotionalPerOrder, (s, v) => s with { MaxNotionalPerOrder = v });

    public static readonly StrategySetting<int> ValidationTtlMinutes = new(
        "validation_ttl_minutes", Policy, SettingKinds.PositiveWholeNumber,
        $"How long a validation authorises LIVE (default {StrategySettings.DefaultValidationTtlMinutes}).",
        s => s.ValidationTtlMinutes, (s, v) => s with { ValidationTtlMinutes = v });

    public static readonly StrategySetting<decimal> PriceCollarPercent = new(
        "price_collar_percent", Policy, SettingKinds.PositiveDecimalBelow(100m),
        $"Fat-finger collar, below 100: a limit farther than this from the mid fails validation, and a LIVE market order is capped this far from it (default {StrategySettings.DefaultPriceCollarPercent}).",
        s => s.PriceCollarPercent, (s, v) => s with { PriceCollarPercent = v });

    public static readonly StrategySetting<decimal> SlippageWarningPercent = new(
        "slippage_warning_percent", Policy, SettingKinds.PositiveDecimal,
        $"Warn when a market order's expected slippage exceeds this (default {StrategySettings.DefaultSlippageWarningPercent}).",
        s => s.SlippageWarningPercent, (s, v) => s with { SlippageWarningPercent = v });

    public static readonly StrategySetting<decimal?> MaxSlippagePercent = new(
        "max_slippage_percent", Policy, SettingKinds.OptionalPositiveDecimal,
        "Fail a market order whose expected slippage against the mid exceeds this percent, at validation and again when it leaves (default: none).",
        s => s.MaxSlippagePercent, (s, v) => s with { MaxSlippagePercent = v });

    public static readonly StrategySetting<int> SendTimeMaxDataAgeSeconds = new(
        "send_time_max_data_age_seconds", Policy, SettingKinds.PositiveWholeNumberUpTo(30),
        $"At LIVE, market data older than this (1-30) when an order leaves blocks it (default {StrategySettings.DefaultSendTimeMaxDataAgeSeconds}).",
        s => s.SendTimeMaxDataAgeSeconds, (s, v) => s with { SendTimeMaxDataAgeSeconds = v }, placeholder: "N");

    public static readonly StrategySetting<decimal> StopLimitOffsetPercent = new(
        "stop_limit_offset_percent", Risk, SettingKinds.PositiveDecimalBelow(100m),
        $"A protective stop's limit price lies this percent below its stop price, below 100 (default {StrategySettings.DefaultStopLimitOffsetPercent}).",
        s => s.StopLimitOffsetPercent, (s, v) => s with { StopLimitOffsetPercent = v });

    public static readonly StrategySetting<ProtectionFailureAction> OnProtectionFailure = new(
        "on_protection_failure", Risk, SettingKinds.ProtectionFailure,
        "When a filled entry's protective order cannot be placed: alert (UNPROTECTED, exit 1; the default) or close (also sell it at market).",
        s => s.OnProtectionFailure, (s, v) => s with { OnProtectionFailure = v }, placeholder: "alert|close");

    public static readonly StrategySetting<IReadOnlyList<PlanKind>> AllowedPlanKinds = new(
        "allowed_plan_kinds", Policy, SettingKinds.PlanKinds,
        "Comma-separated: buy,sell,rebalance,cancel (default: all).",
        s => s.AllowedPlanKinds, (s, v) => s with { AllowedPlanKinds = v });

    /// <summary>Every setting, in the order help, the human report, <c>--json</c> and storage list them.</summary>
    public static readonly IReadOnlyList<StrategySetting> All =
    [
        MaxDrawdownPercent, StopLossPercent, MaxPositionSizePercent, StopLimitOffsetPercent, OnProtectionFailure,
        MaxOrdersPerDay, MaxNotionalPerDay, MaxLossPerDay,
        LiveEnabled, AllowedSymbols, AllowedOrderTypes, MaxNotionalPerOrder, ValidationTtlMinutes,
        PriceCollarPercent, SlippageWarningPercent, MaxSlippagePercent, SendTimeMaxDataAgeSeconds, AllowedPlanKinds,
    ];
}
