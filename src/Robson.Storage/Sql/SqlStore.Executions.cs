using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    private const string ExecutionColumns = "id, plan_id, plan_hash, client_id, venue, mode, status, guards_json, actions_json, error, executed_at";

    public void InsertExecution(ExecutionResult e) =>
        Execute($"INSERT INTO executions ({ExecutionColumns}) VALUES (@id, @p, @h, @c, @v, @m, @s, @g, @a, @e, @t)",
            ("@id", e.ExecutionId), ("@p", e.PlanId), ("@h", e.PlanHash), ("@c", e.ClientId.Value), ("@v", e.Venue), ("@m", e.Mode.Wire()),
            ("@s", e.Status.Wire()), ("@g", StoredJson.Guards(e.Guards)), ("@a", StoredJson.Actions(e.Actions)), ("@e", e.Error),
            ("@t", Text.Time(e.ExecutedAt)));

    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, int limit) => ListExecutions(clientId, null, limit);

    public IReadOnlyList<ExecutionResult> ListExecutions(ClientId clientId, string? planId, int limit) =>
        Query($"SELECT {ExecutionColumns} FROM executions WHERE client_id = @c AND (@p IS NULL OR plan_id = @p) " +
              "ORDER BY executed_at DESC, rowid DESC LIMIT @n", ReadExecution, ("@c", clientId.Value), ("@p", planId), ("@n", limit));

    public ExecutionResult? FindExecution(ClientId clientId, string executionId) =>
        Query($"SELECT {ExecutionColumns} FROM executions WHERE client_id = @c AND id = @id", ReadExecution,
            ("@c", clientId.Value), ("@id", executionId)).FirstOrDefault();

    private static ExecutionResult ReadExecution(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        ClientId.From(r.GetInt64(3)), r.GetString(4), EnumText.ParseMode(r.GetString(5)), EnumText.ParseExecutionStatus(r.GetString(6)),
        StoredJson.ParseGuards(r.GetString(7)), StoredJson.ParseActions(r.GetString(8)), r.NullableString(9), Text.ParseTime(r.GetString(10)));

    private const string OrderColumns = "client_order_id, client_id, execution_id, plan_id, leg_index, venue, symbol, side, type, quantity, price, " +
                                        "status, reserved_notional, executed_quantity, executed_notional, venue_order_id, created_at, " +
                                        "role, protects, stop_price, take_profit_price";

    public void InsertOrder(OrderRecord o) =>
        Execute($"INSERT INTO orders ({OrderColumns}, day, updated_at) VALUES (@id, @c, @e, @p, @l, @v, @s, @side, @type, @q, @price, @st, @rn, @eq, @en, @vo, @t, @role, @protects, @sp, @tp, @d, @t)",
            ("@id", o.ClientOrderId), ("@c", o.ClientId.Value), ("@e", o.ExecutionId), ("@p", o.PlanId), ("@l", o.LegIndex), ("@v", o.Venue),
            ("@s", o.Symbol.Value), ("@side", o.Side.Wire()), ("@type", o.Type.Wire()), ("@q", Text.Dec(o.Quantity)), ("@price", Text.DecOrNull(o.Price)),
            ("@st", o.Status.Wire), ("@rn", Text.Dec(o.ReservedNotional)), ("@eq", Text.Dec(o.ExecutedQuantity)), ("@en", Text.Dec(o.ExecutedNotional)),
            ("@vo", o.VenueOrderId), ("@t", Text.Time(o.CreatedAt)), ("@role", o.Role.Wire), ("@protects", o.Protects),
            ("@sp", Text.DecOrNull(o.StopPrice)), ("@tp", Text.DecOrNull(o.TakeProfitPrice)), ("@d", Text.Day(DateOnly.FromDateTime(o.CreatedAt.UtcDateTime))));

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

    public IReadOnlyList<FillRecord> LiveFillsThrough(ClientId clientId, DateOnly day, VenueScope scope) =>
        Query($"SELECT {FillColumns} FROM fills WHERE client_id = @c AND {InScope(scope)} AND filled_at < @end ORDER BY filled_at, id", ReadFill,
            ("@c", clientId.Value), ("@end", Text.Day(day.AddDays(1))), ("@paper", VenueScope.PaperVenue));

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
        Symbol.From(r.GetString(3)), EnumText.ParseSide(r.GetString(4)), Text.ParseDec(r.GetString(5)), Text.ParseDec(r.GetString(6)),
        Text.ParseDec(r.GetString(7)), r.GetString(8), Text.ParseDec(r.GetString(9)), Text.ParseTime(r.GetString(10)));

    private static OrderRecord ReadOrder(DbDataReader r) => new(
        r.GetString(0), ClientId.From(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), Symbol.From(r.GetString(6)),
        EnumText.ParseSide(r.GetString(7)), EnumText.ParseOrderType(r.GetString(8)), Text.ParseDec(r.GetString(9)),
        r.IsDBNull(10) ? null : Text.ParseDec(r.GetString(10)), OrderStatus.Parse(r.GetString(11)), Text.ParseDec(r.GetString(12)), Text.ParseDec(r.GetString(13)),
        Text.ParseDec(r.GetString(14)), r.NullableString(15), Text.ParseTime(r.GetString(16)))
    {
        Role = OrderRole.Parse(r.GetString(17)),
        Protects = r.NullableString(18),
        StopPrice = r.IsDBNull(19) ? null : Text.ParseDec(r.GetString(19)),
        TakeProfitPrice = r.IsDBNull(20) ? null : Text.ParseDec(r.GetString(20)),
    };
}
