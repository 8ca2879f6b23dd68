namespace Robson.Core.Audit;

/// <summary>Stable names of audit events: part of the contract, like validation codes.</summary>
public static class AuditKinds
{
    public const string PlanCreated = "PLAN_CREATED";
    public const string PlanValidated = "PLAN_VALIDATED";
    public const string PlanExecuted = "PLAN_EXECUTED";
    /// <summary>validate or execute found a stored plan whose content no longer matches its hash, and refused it.</summary>
    public const string PlanTampered = "PLAN_TAMPERED";
    public const string OrderSent = "ORDER_SENT";
    public const string OrderFilled = "ORDER_FILLED";
    public const string OrderAcknowledged = "ORDER_ACKNOWLEDGED";
    public const string OrderRejected = "ORDER_REJECTED";
    public const string OrderUnknown = "ORDER_UNKNOWN";
    public const string OrderCanceled = "ORDER_CANCELED";
    public const string OrderCancelSent = "ORDER_CANCEL_SENT";

    /// <summary>A reserved order that did not leave: the market failed a rule as it was leaving, or trading was halted between legs.</summary>
    public const string OrderNotSent = "ORDER_NOT_SENT";

    /// <summary>
    /// True for the events that record a step of one of Robson's orders and name it (detail client_order_id). ORDER_CANCEL_SENT
    /// is not one: it names the order it asks the venue to cancel, which need not be recorded.
    /// </summary>
    public static bool RecordsAnOrderStep(string kind) => kind is OrderSent or OrderNotSent or OrderFilled or OrderAcknowledged
        or OrderRejected or OrderUnknown or OrderCanceled or OrderReconciled or OrderNotPlaced;

    /// <summary>The audit kind of a venue's answer to an order Robson sent.</summary>
    public static string ForAnswer(Execution.OrderStatus status, bool filled) => true switch
    {
        _ when status == Execution.OrderStatus.Rejected || status == Execution.OrderStatus.NotSent => OrderRejected,
        _ when status == Execution.OrderStatus.Unknown => OrderUnknown,
        _ when status == Execution.OrderStatus.NotPlaced => OrderNotPlaced,
        _ when filled => OrderFilled,
        _ => OrderAcknowledged,
    };
    public const string OrderReconciled = "ORDER_RECONCILED";

    /// <summary>The venue does not know an order after the moment it could still have been placed: it never will be.</summary>
    public const string OrderNotPlaced = "ORDER_NOT_PLACED";

    /// <summary>A filled entry's protective order could not be placed: the position is UNPROTECTED.</summary>
    public const string ProtectionFailed = "PROTECTION_FAILED";
    public const string VenueAdded = "VENUE_ADDED";
    public const string VenueRemoved = "VENUE_REMOVED";
    public const string StrategyCreated = "STRATEGY_CREATED";
    public const string StrategyChanged = "STRATEGY_CHANGED";
    public const string PaperDeposit = "PAPER_DEPOSIT";
    public const string PaperPriceSet = "PAPER_PRICE_SET";
    /// <summary>A resting paper order filled (some or all) when <c>paper set-price</c> moved the price across it.</summary>
    public const string PaperOrderFilled = "PAPER_ORDER_FILLED";
    public const string TradingHalted = "TRADING_HALTED";
    public const string TradingResumed = "TRADING_RESUMED";
    public const string TradingReduceOnly = "TRADING_REDUCE_ONLY";

    /// <summary>An API token was created for the tenant (id, name, role, expiry; never the secret nor its hash).</summary>
    public const string TokenCreated = "TOKEN_CREATED";
    public const string TokenRevoked = "TOKEN_REVOKED";

    /// <summary>A webhook was added to the tenant, or removed (id, URL, events; never the signing secret).</summary>
    public const string WebhookAdded = "WEBHOOK_ADDED";
    public const string WebhookRemoved = "WEBHOOK_REMOVED";

    /// <summary>
    /// An operator read the audit trail of every tenant (<c>audit list|show|export|verify --all-tenants</c>): in the chain
    /// without a tenant, with the subcommand. The one read that is audited.
    /// </summary>
    public const string AuditAllTenantsRead = "AUDIT_ALL_TENANTS_READ";

    /// <summary>Every kind above, in the order the README lists them; a test checks it against the declared constants and the README.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PlanCreated, PlanValidated, PlanExecuted, PlanTampered,
        OrderSent, OrderFilled, OrderAcknowledged, OrderRejected, OrderUnknown, OrderNotPlaced, OrderNotSent, OrderReconciled,
        OrderCancelSent, OrderCanceled, ProtectionFailed,
        StrategyCreated, StrategyChanged, VenueAdded, VenueRemoved,
        TradingHalted, TradingReduceOnly, TradingResumed,
        TokenCreated, TokenRevoked,
        WebhookAdded, WebhookRemoved,
        PaperDeposit, PaperPriceSet, PaperOrderFilled,
        AuditAllTenantsRead,
    ];
}
