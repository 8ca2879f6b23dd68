namespace Robson.Core.Domain;

public enum OrderSide { Buy, Sell }

/// <summary>Entries are MARKET or LIMIT; protective orders are STOP_LOSS_LIMIT or an OCO list.</summary>
public enum OrderType { Market, Limit, StopLossLimit, Oco }

/// <summary>How long a limit order may rest: GTC (until canceled), IOC (fill what crosses now, expire the rest), FOK (all now or nothing).</summary>
public enum TimeInForce { Gtc, Ioc, Fok }

public enum PlanKind { Buy, Sell, Rebalance, Cancel }

/// <summary>DRY_RUN (default) simulates and changes nothing; LIVE sends orders to the plan's venue.</summary>
public enum ExecutionMode { DryRun, Live }

/// <summary>
/// SUCCESS; FAILED (an order was rejected, not sent, not placed or of unknown outcome); BLOCKED (guards); NOT_FILLED (LIVE:
/// every order was accepted but none filled and none rests); UNPROTECTED (LIVE: an entry filled but its protective order
/// could not be placed).
/// </summary>
public enum ExecutionStatus { Success, Failed, Blocked, NotFilled, Unprotected }

public enum ValidationStatus { Pass, Warning, Fail }

public enum IssueSeverity { Warning, Failure }

public static class EnumText
{
    public static string Wire(this OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";
    public static string Wire(this OrderType type) => type switch
    {
        OrderType.Market => "MARKET",
        OrderType.Limit => "LIMIT",
        OrderType.StopLossLimit => "STOP_LOSS_LIMIT",
        _ => "OCO",
    };
    public static string Wire(this TimeInForce tif) => tif switch
    {
        TimeInForce.Gtc => "GTC",
        TimeInForce.Ioc => "IOC",
        _ => "FOK",
    };
    public static string Wire(this PlanKind kind) => kind switch
    {
        PlanKind.Buy => "buy",
        PlanKind.Sell => "sell",
        PlanKind.Rebalance => "rebalance",
        _ => "cancel",
    };
    public static string Wire(this ExecutionMode mode) => mode == ExecutionMode.DryRun ? "DRY_RUN" : "LIVE";
    public static string Wire(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Success => "SUCCESS",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.NotFilled => "NOT_FILLED",
        ExecutionStatus.Unprotected => "UNPROTECTED",
        _ => "BLOCKED",
    };
    public static string Wire(this ValidationStatus status) => status switch
    {
        ValidationStatus.Pass => "PASS",
        ValidationStatus.Warning => "WARNING",
        _ => "FAIL",
    };
    public static string Wire(this IssueSeverity severity) => severity == IssueSeverity.Warning ? "WARNING" : "FAILURE";

    public static OrderSide ParseSide(string text) => text == "BUY" ? OrderSide.Buy : OrderSide.Sell;
    public static OrderType ParseOrderType(string text) => text switch
    {
        "MARKET" => OrderType.Market,
        "STOP_LOSS_LIMIT" => OrderType.StopLossLimit,
        "OCO" => OrderType.Oco,
        _ => OrderType.Limit,
    };
    public static TimeInForce? ParseTimeInForce(string? text) => text?.ToUpperInvariant() switch
    {
        "GTC" => TimeInForce.Gtc,
        "IOC" => TimeInForce.Ioc,
        "FOK" => TimeInForce.Fok,
        _ => null,
    };
    public static PlanKind ParsePlanKind(string text) => text switch
    {
        "buy" => PlanKind.Buy,
        "sell" => PlanKind.Sell,
        "rebalance" => PlanKind.Rebalance,
        "cancel" => PlanKind.Cancel,
        _ => throw new FormatException($"unknown plan kind '{text}'"),
    };
    public static ExecutionMode ParseMode(string text) => text == "LIVE" ? ExecutionMode.Live : ExecutionMode.DryRun;
    public static ExecutionStatus ParseExecutionStatus(string text) => text switch
    {
        "SUCCESS" => ExecutionStatus.Success,
        "FAILED" => ExecutionStatus.Failed,
        "NOT_FILLED" => ExecutionStatus.NotFilled,
        "UNPROTECTED" => ExecutionStatus.Unprotected,
        _ => ExecutionStatus.Blocked,
    };
    public static ValidationStatus ParseValidationStatus(string text) => text switch
    {
        "PASS" => ValidationStatus.Pass,
        "WARNING" => ValidationStatus.Warning,
        _ => ValidationStatus.Fail,
    };
}
