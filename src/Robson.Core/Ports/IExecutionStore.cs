using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Core.Ports;

/// <summary>Executions, the LIVE orders they sent and the fills those orders got.</summary>
public interface IExecutionStore
{
    void InsertExecution(ExecutionResult execution);
    void InsertOrder(OrderRecord order);
    /// <summary>Records the order's new status and what traded; <paramref name="at"/> is its updated_at (the caller's clock).</summary>
    void UpdateOrder(OrderRecord order, DateTimeOffset at);

    /// <summary>True once any LIVE order of the plan was recorded (and so may have reached a venue).</summary>
    bool PlanHasLiveOrders(ClientId clientId, string planId);

    /// <summary>LIVE orders created on <paramref name="day"/> (UTC) on the venues of <paramref name="scope"/>, whatever their status.</summary>
    IReadOnlyList<OrderRecord> LiveOrdersOn(ClientId clientId, DateOnly day, VenueScope scope);

    /// <summary>
    /// What the tenant's sells realised from <paramref name="from"/> to <paramref name="to"/> (UTC days of the fills,
    /// inclusive) on the venues of <paramref name="scope"/>, by venue, symbol and day, oldest day first. Read from the
    /// figures kept as each fill is recorded (<see cref="IOrderStore.RecordFill"/>), never by replaying fills.
    /// </summary>
    IReadOnlyList<RealisedDay> RealisedBetween(ClientId clientId, DateOnly from, DateOnly to, VenueScope scope);

    /// <summary>The tenant's positions (venue and symbol) as kept when each fill was recorded, on <paramref name="venue"/> or on every venue when null.</summary>
    IReadOnlyList<HeldPosition> Positions(ClientId clientId, string? venue);

    /// <summary>The tenant's most recent executions, newest first.</summary>
    IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, int limit);

    /// <summary>The tenant's most recent executions of one plan (or of every plan when null), newest first.</summary>
    IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, string? planId, int limit);

    /// <summary>The tenant's most recent executions that meet every criterion of <paramref name="filter"/>, newest first.</summary>
    IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, ExecutionFilter filter, int limit);

    /// <summary>One execution of the tenant; another tenant's is not found.</summary>
    ExecutionResult? FindExecution(ClientId clientId, string executionId);

    /// <summary>The LIVE orders an execution recorded, by leg.</summary>
    IReadOnlyList<OrderRecord> OrdersOfExecution(ClientId clientId, string executionId);

    /// <summary>The fills of the LIVE orders an execution recorded, oldest first.</summary>
    IReadOnlyList<FillRecord> FillsOfExecution(ClientId clientId, string executionId);

    // Read-only figures for reports over whole UTC days, from <paramref name="from"/> to <paramref name="to"/> inclusive.

    /// <summary>Every venue the tenant ever recorded a LIVE order on (including venues removed since).</summary>
    IReadOnlyList<string> VenuesWithOrders(ClientId clientId);

    /// <summary>LIVE fills in the period (UTC days of the fills) on any venue, oldest first.</summary>
    IReadOnlyList<FillRecord> LiveFillsBetween(ClientId clientId, DateOnly from, DateOnly to);

    /// <summary>
    /// Every LIVE fill of the tenant, oldest first (filled_at, then insertion), from <paramref name="from"/> to
    /// <paramref name="to"/> (UTC days, inclusive; null: unbounded) on <paramref name="venue"/> (null: every venue).
    /// Streamed: enumerate it to the end before using the store for anything else.
    /// </summary>
    IEnumerable<FillLine> ExportFills(ClientId clientId, DateOnly? from, DateOnly? to, string? venue);

    /// <summary>LIVE orders created in the period on any venue, whatever their status, oldest first.</summary>
    IReadOnlyList<OrderRecord> LiveOrdersBetween(ClientId clientId, DateOnly from, DateOnly to);

    /// <summary>Every execution (DRY-RUN and LIVE, any status) in the period, oldest first.</summary>
    IReadOnlyList<ExecutionResult> ExecutionsBetween(ClientId clientId, DateOnly from, DateOnly to);

    /// <summary>How many validations in the period (of plans on <paramref name="venue"/>, or on any venue when null) passed, warned and failed.</summary>
    ValidationTally ValidationsBetween(ClientId clientId, DateOnly from, DateOnly to, string? venue);

    /// <summary>The same, day by day (UTC days of the validations), oldest first; days without any are left out.</summary>
    IReadOnlyList<(DateOnly Day, ValidationTally Tally)> ValidationsByDay(ClientId clientId, DateOnly from, DateOnly to, string? venue);
}
