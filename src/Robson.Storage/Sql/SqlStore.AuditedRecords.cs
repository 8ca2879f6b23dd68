using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    /// <summary>The ids the audit cross-check expects events to name: plans, validations, executions, orders (with status), strategies (with version).</summary>
    public IReadOnlyList<AuditedRecord> ReadAuditedRecords(ClientId? clientId)
    {
        var filter = clientId is null ? "" : "WHERE client_id = @c";
        (string, object?)[] parameters = clientId is { } c ? [("@c", c.Value)] : [];
        var records = new List<AuditedRecord>();
        foreach (var (table, kind) in new[] { ("plans", AuditedRecordKind.Plan), ("validations", AuditedRecordKind.Validation), ("executions", AuditedRecordKind.Execution) })
            records.AddRange(Query($"SELECT client_id, id FROM {table} {filter} ORDER BY rowid",
                r => new AuditedRecord(ClientId.From(r.GetInt64(0)), kind, r.GetString(1)), parameters));
        records.AddRange(Query($"SELECT client_id, client_order_id, status FROM orders {filter} ORDER BY rowid",
            r => new AuditedRecord(ClientId.From(r.GetInt64(0)), AuditedRecordKind.Order, r.GetString(1)) { OrderStatus = OrderStatus.Parse(r.GetString(2)) },
            parameters));
        records.AddRange(Query($"SELECT client_id, id, version FROM strategies {filter} ORDER BY client_id, id",
            r => new AuditedRecord(ClientId.From(r.GetInt64(0)), AuditedRecordKind.Strategy,
                r.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture)) { StrategyVersion = Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) },
            parameters));
        return records;
    }
}
