using Robson.Core.Domain;
using Robson.Core.Plans;

namespace Robson.Storage.Sql;

/// <summary>
/// Plan status in three queries whatever the number of plans (one each over validations, executions and orders),
/// each reading the tenant's rows through its index; one plan (@p set) reads only that plan's rows.
/// </summary>
public abstract partial class SqlStore
{
    // The latest validation of each plan: the newest by validated_at, then insertion (rowid), as LatestValidation picks it.
    private const string LatestValidationsSql =
        "SELECT plan_id, id, plan_hash, strategy_id, strategy_version, status, validated_at FROM " +
        "(SELECT plan_id, id, plan_hash, strategy_id, strategy_version, status, validated_at, " +
        "ROW_NUMBER() OVER (PARTITION BY plan_id ORDER BY validated_at DESC, rowid DESC) AS newest " +
        "FROM validations WHERE client_id = @c AND (CAST(@p AS TEXT) IS NULL OR plan_id = @p)) latest WHERE newest = 1";

    public IReadOnlyDictionary<string, PlanHistory> PlanHistories(ClientId clientId, string? planId)
    {
        var validations = Query(LatestValidationsSql,
                r => (Plan: r.GetString(0), Stamp: new ValidationStamp(r.GetString(1), r.GetString(2), r.NullableInt64(3),
                    r.IsDBNull(4) ? null : r.GetInt32(4), EnumText.ParseValidationStatus(r.GetString(5)), Text.ParseTime(r.GetString(6)))),
                ("@c", clientId.Value), ("@p", planId))
            .ToDictionary(v => v.Plan, v => v.Stamp);
        // Only what a status shows: the guards and actions (JSON) stay unread.
        var executions = Query("SELECT plan_id, id, mode, status, executed_at FROM executions " +
                               "WHERE client_id = @c AND (CAST(@p AS TEXT) IS NULL OR plan_id = @p) ORDER BY executed_at, rowid",
                r => (Plan: r.GetString(0), Stamp: new ExecutionStamp(r.GetString(1), EnumText.ParseMode(r.GetString(2)),
                    EnumText.ParseExecutionStatus(r.GetString(3)), Text.ParseTime(r.GetString(4)))),
                ("@c", clientId.Value), ("@p", planId))
            .ToLookup(e => e.Plan, e => e.Stamp);
        var sent = Query("SELECT DISTINCT plan_id FROM orders WHERE client_id = @c AND (CAST(@p AS TEXT) IS NULL OR plan_id = @p)",
                r => r.GetString(0), ("@c", clientId.Value), ("@p", planId))
            .ToHashSet(StringComparer.Ordinal);

        var histories = new Dictionary<string, PlanHistory>(StringComparer.Ordinal);
        foreach (var id in validations.Keys.Concat(executions.Select(g => g.Key)).Concat(sent).Distinct(StringComparer.Ordinal))
            histories[id] = new PlanHistory(validations.GetValueOrDefault(id), [.. executions[id]], sent.Contains(id));
        return histories;
    }
}
