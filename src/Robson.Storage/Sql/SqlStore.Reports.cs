using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Storage.Sql;

/// <summary>Read-only figures for reports over whole UTC days (from and to inclusive). Times are sortable text.</summary>
public abstract partial class SqlStore
{
    public IReadOnlyList<string> VenuesWithOrders(ClientId clientId) =>
        Query("SELECT DISTINCT venue FROM orders WHERE client_id = @c ORDER BY venue", r => r.GetString(0), ("@c", clientId.Value));

    public IReadOnlyList<OrderRecord> LiveOrdersBetween(ClientId clientId, DateOnly from, DateOnly to) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND day >= @from AND day <= @to ORDER BY created_at, rowid", ReadOrder,
            ("@c", clientId.Value), ("@from", Text.Day(from)), ("@to", Text.Day(to)));

    public IReadOnlyList<ExecutionResult> ExecutionsBetween(ClientId clientId, DateOnly from, DateOnly to) =>
        Query($"SELECT {ExecutionColumns} FROM executions WHERE client_id = @c AND executed_at >= @from AND executed_at < @end " +
              "ORDER BY executed_at, rowid", ReadExecution,
            ("@c", clientId.Value), ("@from", Text.Day(from)), ("@end", Text.Day(to.AddDays(1))));

    public ValidationTally ValidationsBetween(ClientId clientId, DateOnly from, DateOnly to, string? venue)
    {
        var counts = Query("SELECT status, CAST(COUNT(*) AS INTEGER) FROM validations v WHERE client_id = @c AND validated_at >= @from AND validated_at < @end " +
                           "AND (CAST(@v AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM plans p WHERE p.id = v.plan_id AND p.client_id = @c AND p.venue = @v)) GROUP BY status",
            r => (Status: EnumText.ParseValidationStatus(r.GetString(0)), Count: r.GetInt32(1)),
            ("@c", clientId.Value), ("@from", Text.Day(from)), ("@end", Text.Day(to.AddDays(1))), ("@v", venue));
        int Count(ValidationStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        return new ValidationTally(Count(ValidationStatus.Pass), Count(ValidationStatus.Warning), Count(ValidationStatus.Fail));
    }

    /// <summary>Stored times are UTC text (yyyy-MM-ddTHH…), so a validation's UTC day is its first ten characters, on both engines.</summary>
    public IReadOnlyList<(DateOnly Day, ValidationTally Tally)> ValidationsByDay(ClientId clientId, DateOnly from, DateOnly to, string? venue)
    {
        var counts = Query("SELECT SUBSTR(validated_at, 1, 10), status, CAST(COUNT(*) AS INTEGER) FROM validations v WHERE client_id = @c " +
                           "AND validated_at >= @from AND validated_at < @end " +
                           "AND (CAST(@v AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM plans p WHERE p.id = v.plan_id AND p.client_id = @c AND p.venue = @v)) " +
                           "GROUP BY SUBSTR(validated_at, 1, 10), status",
            r => (Day: Text.ParseDay(r.GetString(0)), Status: EnumText.ParseValidationStatus(r.GetString(1)), Count: r.GetInt32(2)),
            ("@c", clientId.Value), ("@from", Text.Day(from)), ("@end", Text.Day(to.AddDays(1))), ("@v", venue));
        return counts.GroupBy(c => c.Day).OrderBy(g => g.Key).Select(g =>
        {
            int Count(ValidationStatus status) => g.Where(c => c.Status == status).Sum(c => c.Count);
            return (g.Key, new ValidationTally(Count(ValidationStatus.Pass), Count(ValidationStatus.Warning), Count(ValidationStatus.Fail)));
        }).ToList();
    }
}
