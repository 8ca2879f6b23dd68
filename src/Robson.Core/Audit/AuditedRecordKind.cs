namespace Robson.Core.Audit;

/// <summary>The kinds of stored records that each have an audit event naming them.</summary>
public enum AuditedRecordKind
{
    /// <summary>Named by its PLAN_CREATED event (the event's plan_id); every event naming a plan finds it.</summary>
    Plan,

    /// <summary>Named by its PLAN_VALIDATED event (detail validation_id).</summary>
    Validation,

    /// <summary>Named by its PLAN_EXECUTED event (detail execution_id).</summary>
    Execution,

    /// <summary>Named by the ORDER_* events of each step (detail client_order_id), once it left PENDING.</summary>
    Order,

    /// <summary>Each version 1..current named by a STRATEGY_CREATED or STRATEGY_CHANGED event (details strategy_id, version).</summary>
    Strategy,
}
