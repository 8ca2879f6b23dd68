using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Reporting;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    private const string ExecutionColumns = "id, plan_id, plan_hash, client_id, venue, mode, status, guards_json, actions_json, error, executed_at";

    public void InsertExecution(ExecutionResult e) =>
        Execute($"INSERT INTO executions ({ExecutionColumns}) VALUES (@id, @p, @h, @c, @v, @m, @s, @g, @a, @e, @t)",
            ("@id", e.ExecutionId), ("@p", e.PlanId), ("@h", e.PlanHash), ("@c", e.ClientId.Value), ("@v", e.Venue), ("@m", e.Mode.Wire()),
            ("@s", e.Status.Wire()), ("@g", StoredJson.Guards(e.Guards)), ("@a", StoredJson.Actions(e.Actions)), ("@e", e.Error),
            ("@t", Text.Time(e.ExecutedAt)));

    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, int limit) => ListExecutions(clientId, ExecutionFilter.None, limit);

    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, string? planId, int limit) =>
        ListExecutions(clientId, new ExecutionFilter(PlanId: planId), limit);

    /// <summary>
    /// The filter in SQL, on both engines. A blocking guard and a symbol are found in the stored JSON, whose shape is
    /// fixed by StoredJson (a guard is written <c>{"name":"…","passed":false,…</c>, a leg <c>{"symbol":"…",…</c>); guard
    /// names and symbols are letters and digits only, so they never carry a LIKE wildcard.
    /// </summary>
    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, ExecutionFilter filter, int limit) =>
        Query($"SELECT {ExecutionColumns} FROM executions e WHERE client_id = @c AND (CAST(@p AS TEXT) IS NULL OR plan_id = @p) " +
              "AND (CAST(@m AS TEXT) IS NULL OR mode = @m) AND (CAST(@s AS TEXT) IS NULL OR status = @s) AND (CAST(@v AS TEXT) IS NULL OR venue = @v) " +
              "AND (CAST(@from AS TEXT) IS NULL OR executed_at >= @from) AND (CAST(@end AS TEXT) IS NULL OR executed_at < @end) " +
              "AND (CAST(@g AS TEXT) IS NULL OR (status = 'BLOCKED' AND guards_json LIKE @g)) " +
              "AND (CAST(@sym AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM plans p WHERE p.client_id = @c AND p.id = e.plan_id AND p.legs_json LIKE @sym)) " +
              "ORDER BY executed_at DESC, e.rowid DESC LIMIT @n", ReadExecution,
            ("@c", clientId.Value), ("@p", filter.PlanId), ("@m", filter.Mode?.Wire()), ("@s", filter.Status?.Wire()), ("@v", filter.Venue),
            ("@from", filter.From is { } from ? Text.Day(from) : null), ("@end", filter.To is { } to ? Text.Day(to.AddDays(1)) : null),
            ("@g", filter.BlockedBy is { } guard ? $"%{{\"name\":\"{guard}\",\"passed\":false,%" : null),
            ("@sym", filter.Symbol is { } symbol ? $"%\"symbol\":\"{symbol.Value}\"%" : null), ("@n", limit));

    public ExecutionResult? FindExecution(ClientId clientId, string executionId) =>
        Query($"SELECT {ExecutionColumns} FROM executions WHERE client_id = @c AND id = @id", ReadExecution,
            ("@c", clientId.Value), ("@id", executionId)).FirstOrDefault();

    private static ExecutionResult ReadExecution(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        ClientId.From(r.GetInt64(3)), r.GetString(4), EnumText.ParseMode(r.GetString(5)), EnumText.ParseExecutionStatus(r.GetString(6)),
        StoredJson.ParseGuards(r.GetString(7)), StoredJson.ParseActions(r.GetString(8)), r.NullableString(9), Text.ParseTime(r.GetString(10)));

    private const string OrderColumns = "client_order_id, client_id, execution_id, plan_id, leg_index, venue, symbol, side, type, quantity, price, " +
                                        "status, reserved_notional, executed_quantity, executed_notional, venue_order_id, created_at, " +
                                        "role, protects, stop_price, take_profit_price";

    /// <summary>An order placed to protect (or close) an entry marks the entry protected, so reconcile's search for unprotected entries reads only those.</summary>
    public void InsertOrder(OrderRecord o)
    {
        Execute($"INSERT INTO orders ({OrderColumns}, day, updated_at) VALUES (@id, @c, @e, @p, @l, @v, @s, @side, @type, @q, @price, @st, @rn, @eq, @en, @vo, @t, @role, @protects, @sp, @tp, @d, @t)",
            ("@id", o.ClientOrderId), ("@c", o.ClientId.Value), ("@e", o.ExecutionId), ("@p", o.PlanId), ("@l", o.LegIndex), ("@v", o.Venue),
            ("@s", o.Symbol.Value), ("@side", o.Side.Wire()), ("@type", o.Type.Wire()), ("@q", Text.Dec(o.Quantity)), ("@price", Text.DecOrNull(o.Price)),
            ("@st", o.Status.Wire), ("@rn", Text.Dec(o.ReservedNotional)), ("@eq", Text.Dec(o.ExecutedQuantity)), ("@en", Text.Dec(o.ExecutedNotional)),
            ("@vo", o.VenueOrderId), ("@t", Text.Time(o.CreatedAt)), ("@role", o.Role.Wire), ("@protects", o.Protects),
            ("@sp", Text.DecOrNull(o.StopPrice)), ("@tp", Text.DecOrNull(o.TakeProfitPrice)), ("@d", Text.Day(DateOnly.FromDateTime(o.CreatedAt.UtcDateTime))));
        if (o.Protects is { } entry)
            Execute("UPDATE orders SET protected = 1 WHERE client_id = @c AND client_order_id = @e AND protected = 0", ("@c", o.ClientId.Value), ("@e", entry));
    }

    public void UpdateOrder(OrderRecord o, DateTimeOffset at)
    {
        var rows = Execute("UPDATE orders SET status = @st, executed_quantity = @eq, executed_notional = @en, venue_order_id = @vo, updated_at = @t " +
                           "WHERE client_order_id = @id AND client_id = @c",
            ("@st", o.Status.Wire), ("@eq", Text.Dec(o.ExecutedQuantity)), ("@en", Text.Dec(o.ExecutedNotional)), ("@vo", o.VenueOrderId),
            ("@id", o.ClientOrderId), ("@c", o.ClientId.Value), ("@t", Text.Time(at)));
        if (rows != 1)
            throw new InvalidOperationException($"order {o.ClientOrderId} is not recorded");
    }

    public bool PlanHasLiveOrders(ClientId clientId, string planId) =>
        Scalar("SELECT 1 FROM orders WHERE client_id = @c AND plan_id = @p LIMIT 1", ("@c", clientId.Value), ("@p", planId)) is not null;

    public IReadOnlyList<OrderRecord> LiveOrdersOn(ClientId clientId, DateOnly day, VenueScope scope) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND {InScope(scope)} AND day = @d ORDER BY created_at", ReadOrder,
            ("@c", clientId.Value), ("@d", Text.Day(day)), ("@paper", VenueScope.PaperVenue));

    private const string FillColumns = "client_id, client_order_id, venue, symbol, side, price, quantity, fee, fee_asset, fee_in_quote, filled_at";

    /// <summary>The row's venue is in the scope (with @paper bound to the paper venue's name); the paper venue's book reads the (client, venue) indexes.</summary>
    private static string InScope(VenueScope scope) => scope.Real switch
    {
        null => "1 = 1",
        true => "venue <> @paper",
        false => "venue = @paper",
    };

    public IReadOnlyList<OrderRecord> OrdersOfExecution(ClientId clientId, string executionId) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND execution_id = @e ORDER BY leg_index", ReadOrder,
            ("@c", clientId.Value), ("@e", executionId));

    public IReadOnlyList<FillRecord> FillsOfExecution(ClientId clientId, string executionId) =>
        Query($"SELECT {FillColumns} FROM fills WHERE client_id = @c AND client_order_id IN " +
              "(SELECT client_order_id FROM orders WHERE client_id = @c AND execution_id = @e) ORDER BY filled_at, id", ReadFill,
            ("@c", clientId.Value), ("@e", executionId));

    private static FillRecord ReadFill(DbDataReader r) => new(ClientId.From(r.GetInt64(0)), r.GetString(1), r.GetString(2),
        Symbol.From(r.GetString(3)), EnumText.ParseSide(r.GetString(4)), r.Dec(5), r.Dec(6),
        r.Dec(7), r.GetString(8), r.Dec(9), Text.ParseTime(r.GetString(10)));

    private static OrderRecord ReadOrder(DbDataReader r) => new(
        r.GetString(0), ClientId.From(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), Symbol.From(r.GetString(6)),
        EnumText.ParseSide(r.GetString(7)), EnumText.ParseOrderType(r.GetString(8)), r.Dec(9),
        r.NullableDec(10), OrderStatus.Parse(r.GetString(11)), r.Dec(12), r.Dec(13),
        r.Dec(14), r.NullableString(15), Text.ParseTime(r.GetString(16)))
    {
        Role = OrderRole.Parse(r.GetString(17)),
        Protects = r.NullableString(18),
        StopPrice = r.NullableDec(19),
        TakeProfitPrice = r.NullableDec(20),
    };
}
