using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    /// <summary>A paper order: its answer (paper_orders) and, for orders placed since the venue keeps them, its details.</summary>
    private const string PaperOrderSelect =
        "SELECT o.client_id, o.client_order_id, o.result_json, o.placed_at, d.symbol, d.side, d.type, d.quantity, d.price, d.stop_price, " +
        "d.list_client_order_id, d.locked_asset, COALESCE(d.locked, '0'), COALESCE(d.triggered, 0) " +
        "FROM paper_orders o LEFT JOIN paper_order_details d ON d.client_id = o.client_id AND d.client_order_id = o.client_order_id";

    public decimal? PriceOverride(Symbol symbol) =>
        Scalar("SELECT price FROM paper_prices WHERE symbol = @s", ("@s", symbol.Value)) is string text ? Text.ParseDec(text) : null;

    public void SetPrice(Symbol symbol, decimal price, DateTimeOffset now) =>
        Execute("INSERT INTO paper_prices (symbol, price, updated_at) VALUES (@s, @p, @t) ON CONFLICT (symbol) DO UPDATE SET price = @p, updated_at = @t",
            ("@s", symbol.Value), ("@p", Text.Dec(price)), ("@t", Text.Time(now)));

    public IReadOnlyDictionary<string, decimal>? Balances(ClientId clientId)
    {
        var rows = Query("SELECT asset, free FROM paper_balances WHERE client_id = @c ORDER BY asset",
            r => (Asset: r.GetString(0), Free: Text.ParseDec(r.GetString(1))), ("@c", clientId.Value));
        return rows.Count == 0 ? null : rows.ToDictionary(r => r.Asset, r => r.Free);
    }

    public void SetBalance(ClientId clientId, string asset, decimal free) =>
        Execute("INSERT INTO paper_balances (client_id, asset, free) VALUES (@c, @a, @f) ON CONFLICT (client_id, asset) DO UPDATE SET free = @f",
            ("@c", clientId.Value), ("@a", asset), ("@f", Text.Dec(free)));

    public void RecordPaperOrder(PaperOrderRecord order)
    {
        Execute("INSERT INTO paper_orders (client_id, client_order_id, result_json, placed_at) VALUES (@c, @o, @r, @t)",
            ("@c", order.ClientId.Value), ("@o", order.ClientOrderId), ("@r", ResultJson(order)), ("@t", Text.Time(order.PlacedAt)));
        Execute("INSERT INTO paper_order_details (client_id, client_order_id, symbol, side, type, quantity, price, stop_price, list_client_order_id, " +
                "locked_asset, locked, triggered, resting) VALUES (@c, @o, @s, @side, @type, @q, @p, @sp, @l, @la, @lk, @tr, @rest)",
            [("@c", order.ClientId.Value), ("@o", order.ClientOrderId), ("@s", order.Symbol.Value), ("@side", order.Side.Wire()), ("@type", order.Type.Wire()),
                ("@q", Text.Dec(order.Quantity)), ("@p", Text.DecOrNull(order.Price)), ("@sp", Text.DecOrNull(order.StopPrice)), ("@l", order.ListClientOrderId),
                .. LockParameters(order)]);
    }

    public void UpdatePaperOrder(PaperOrderRecord order)
    {
        Execute("UPDATE paper_orders SET result_json = @r WHERE client_id = @c AND client_order_id = @o",
            ("@c", order.ClientId.Value), ("@o", order.ClientOrderId), ("@r", ResultJson(order)));
        Execute("UPDATE paper_order_details SET locked_asset = @la, locked = @lk, triggered = @tr, resting = @rest WHERE client_id = @c AND client_order_id = @o",
            [("@c", order.ClientId.Value), ("@o", order.ClientOrderId), .. LockParameters(order)]);
    }

    public PaperOrderRecord? FindPaperOrder(ClientId clientId, string clientOrderId) =>
        Query($"{PaperOrderSelect} WHERE o.client_id = @c AND o.client_order_id = @o", ReadPaperOrder, ("@c", clientId.Value), ("@o", clientOrderId))
            .SingleOrDefault();

    public IReadOnlyList<PaperOrderRecord> RestingPaperOrders(ClientId? clientId, Symbol? symbol) =>
        Query($"{PaperOrderSelect} WHERE d.resting = 1 AND d.type <> 'OCO' AND (@c IS NULL OR d.client_id = @c) AND (@s IS NULL OR d.symbol = @s) " +
            "ORDER BY o.placed_at, o.client_id, o.client_order_id", ReadPaperOrder, ("@c", clientId?.Value), ("@s", symbol?.Value));

    public IReadOnlyDictionary<string, decimal> PaperLocked(ClientId clientId) =>
        Query("SELECT locked_asset, locked FROM paper_order_details WHERE client_id = @c AND locked <> '0' AND locked_asset IS NOT NULL",
                r => (Asset: r.GetString(0), Amount: Text.ParseDec(r.GetString(1))), ("@c", clientId.Value))
            .GroupBy(r => r.Asset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);

    public IReadOnlyList<PaperOrderRecord> PaperListLegs(ClientId clientId, string listClientOrderId) =>
        Query($"{PaperOrderSelect} WHERE d.client_id = @c AND d.list_client_order_id = @l ORDER BY o.rowid", ReadPaperOrder,
            ("@c", clientId.Value), ("@l", listClientOrderId));

    /// <summary>The order's answer as the venue gives it: status, fills so far, reason.</summary>
    private static string ResultJson(PaperOrderRecord order) =>
        StoredJson.VenueResult(new VenueOrderResult(order.Status, order.VenueOrderId, order.Fills, order.Reason));

    /// <summary>The details that change as an order lives: its lock, its trigger, whether it still rests.</summary>
    private static (string, object?)[] LockParameters(PaperOrderRecord order) =>
    [
        ("@la", order.LockedAsset), ("@lk", Text.Dec(order.Locked)), ("@tr", order.Triggered ? 1 : 0), ("@rest", order.IsResting ? 1 : 0),
    ];

    private static PaperOrderRecord ReadPaperOrder(DbDataReader r)
    {
        var result = StoredJson.ParseVenueResult(r.GetString(2));
        var legacy = r.IsDBNull(4); // written before the paper venue kept orders: a settled result and nothing else
        return new PaperOrderRecord(
            ClientId.From(r.GetInt64(0)), r.GetString(1),
            legacy ? default : Symbol.From(r.GetString(4)),
            legacy ? OrderSide.Buy : EnumText.ParseSide(r.GetString(5)),
            legacy ? OrderType.Market : EnumText.ParseOrderType(r.GetString(6)),
            legacy ? result.ExecutedQuantity : Text.ParseDec(r.GetString(7)),
            r.IsDBNull(8) ? null : Text.ParseDec(r.GetString(8)),
            r.IsDBNull(9) ? null : Text.ParseDec(r.GetString(9)),
            r.IsDBNull(10) ? null : r.GetString(10),
            result.Status, result.Fills, result.Reason,
            r.IsDBNull(11) ? null : r.GetString(11), Text.ParseDec(r.GetString(12)), r.GetInt64(13) != 0,
            Text.ParseTime(r.GetString(3)));
    }
}
