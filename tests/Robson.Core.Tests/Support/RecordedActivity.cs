using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Ports;
using Robson.Core.Reporting;

namespace Robson.Core.Tests.Support;

/// <summary>
/// LIVE orders and fills in memory, answering the daily-usage queries of <see cref="IExecutionStore"/> as its contract
/// says (the tenant's, on the venues of the scope, by UTC day; realised P&amp;L by replaying the fills in time order, the
/// reference a store's kept figures equal). Everything else is not needed by these tests.
/// </summary>
internal sealed class RecordedActivity : IExecutionStore
{
    public List<OrderRecord> Orders { get; } = [];
    public List<FillRecord> Fills { get; } = [];

    private static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    public IReadOnlyList<OrderRecord> LiveOrdersOn(ClientId clientId, DateOnly day, VenueScope scope) =>
        Orders.Where(o => o.ClientId == clientId && DayOf(o.CreatedAt) == day && scope.Includes(o.Venue)).OrderBy(o => o.CreatedAt).ToList();

    public IReadOnlyList<RealisedDay> RealisedBetween(ClientId clientId, DateOnly from, DateOnly to, VenueScope scope) =>
        RealisedPnl.ByDay(Fills.Where(f => f.ClientId == clientId && scope.Includes(f.Venue))).Where(r => r.Day >= from && r.Day <= to).ToList();

    public IReadOnlyList<HeldPosition> Positions(ClientId clientId, string? venue) =>
        RealisedPnl.Positions(Fills.Where(f => f.ClientId == clientId && (venue is null || f.Venue == venue)))
            .Select(p => new HeldPosition(p.Key, p.Value)).ToList();

    public IReadOnlyList<FillRecord> LiveFillsBetween(ClientId clientId, DateOnly from, DateOnly to) =>
        Fills.Where(f => f.ClientId == clientId && DayOf(f.FilledAt) >= from && DayOf(f.FilledAt) <= to).OrderBy(f => f.FilledAt).ToList();

    public IEnumerable<FillLine> ExportFills(ClientId clientId, DateOnly? from, DateOnly? to, string? venue) => throw new NotSupportedException();
    public void InsertExecution(ExecutionResult execution) => throw new NotSupportedException();
    public void InsertOrder(OrderRecord order) => throw new NotSupportedException();
    public void UpdateOrder(OrderRecord order, DateTimeOffset at) => throw new NotSupportedException();
    public bool PlanHasLiveOrders(ClientId clientId, string planId) => throw new NotSupportedException();
    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, int limit) => throw new NotSupportedException();
    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, string? planId, int limit) => throw new NotSupportedException();
    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, ExecutionFilter filter, int limit) => throw new NotSupportedException();
    public IReadOnlyList<(DateOnly Day, ValidationTally Tally)> ValidationsByDay(ClientId clientId, DateOnly from, DateOnly to, string? venue) => throw new NotSupportedException();
    public ExecutionResult? FindExecution(ClientId clientId, string executionId) => throw new NotSupportedException();
    public IReadOnlyList<OrderRecord> OrdersOfExecution(ClientId clientId, string executionId) => throw new NotSupportedException();
    public IReadOnlyList<FillRecord> FillsOfExecution(ClientId clientId, string executionId) => throw new NotSupportedException();
    public IReadOnlyList<string> VenuesWithOrders(ClientId clientId) => throw new NotSupportedException();
    public IReadOnlyList<OrderRecord> LiveOrdersBetween(ClientId clientId, DateOnly from, DateOnly to) => throw new NotSupportedException();
    public IReadOnlyList<ExecutionResult> ExecutionsBetween(ClientId clientId, DateOnly from, DateOnly to) => throw new NotSupportedException();
    public ValidationTally ValidationsBetween(ClientId clientId, DateOnly from, DateOnly to, string? venue) => throw new NotSupportedException();
}
