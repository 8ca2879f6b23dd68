using Robson.Core.Domain;
using Robson.Core.Execution;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    private static readonly string UnresolvedStatuses = StatusList(s => s.IsUnresolved);
    private static readonly string RestingStatuses = StatusList(s => s.MayRest);

    private static string StatusList(Func<OrderStatus, bool> rule) =>
        "(" + string.Join(", ", OrderStatus.All.Where(rule).Select(s => $"'{s.Wire}'")) + ")";

    public IReadOnlyList<OrderRecord> UnresolvedOrders(ClientId clientId, string? venue) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND (@v IS NULL OR venue = @v) AND status IN {UnresolvedStatuses} ORDER BY created_at",
            ReadOrder, ("@c", clientId.Value), ("@v", venue));

    public IReadOnlyList<OrderRecord> RestingOrders(ClientId clientId, string? venue) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND (@v IS NULL OR venue = @v) AND status IN {RestingStatuses} ORDER BY created_at",
            ReadOrder, ("@c", clientId.Value), ("@v", venue));

    public OrderRecord? FindOrder(ClientId clientId, string clientOrderId) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND client_order_id = @o", ReadOrder,
            ("@c", clientId.Value), ("@o", clientOrderId)).FirstOrDefault();

    public bool ChangeOrderStatus(ClientId clientId, string clientOrderId, OrderStatus expected, OrderStatus status, DateTimeOffset at) =>
        Execute("UPDATE orders SET status = @s, updated_at = @t, sent_at = CASE WHEN @s = 'SENT' THEN @t ELSE sent_at END " +
                "WHERE client_id = @c AND client_order_id = @o AND status = @e",
            ("@s", status.Wire), ("@t", Text.Time(at)), ("@c", clientId.Value), ("@o", clientOrderId), ("@e", expected.Wire)) == 1;

    public DateTimeOffset? OrderSentAt(ClientId clientId, string clientOrderId) =>
        Scalar("SELECT sent_at FROM orders WHERE client_id = @c AND client_order_id = @o", ("@c", clientId.Value), ("@o", clientOrderId))
            is string text ? Text.ParseTime(text) : null;

    public IReadOnlyList<OrderRecord> ProtectionsOf(ClientId clientId, string entryClientOrderId) =>
        Query($"SELECT {OrderColumns} FROM orders WHERE client_id = @c AND protects = @e ORDER BY created_at, rowid", ReadOrder,
            ("@c", clientId.Value), ("@e", entryClientOrderId));

    public IReadOnlyList<OrderRecord> EntriesWithoutProtection(ClientId clientId, string? venue) =>
        Query($"SELECT {OrderColumns} FROM orders o WHERE client_id = @c AND (@v IS NULL OR venue = @v) AND role = 'ENTRY' " +
              "AND stop_price IS NOT NULL AND side = 'BUY' AND executed_quantity <> '0' " +
              "AND NOT EXISTS (SELECT 1 FROM orders p WHERE p.client_id = o.client_id AND p.protects = o.client_order_id) ORDER BY created_at",
            ReadOrder, ("@c", clientId.Value), ("@v", venue));

    public IReadOnlyList<FillRecord> FillsOfOrder(ClientId clientId, string clientOrderId) =>
        Query($"SELECT {FillColumns} FROM fills WHERE client_id = @c AND client_order_id = @o ORDER BY filled_at, id", ReadFill,
            ("@c", clientId.Value), ("@o", clientOrderId));

    /// <summary>A fill already recorded (same order and venue trade id: the unique index fills_by_trade) is skipped and false returned.</summary>
    public bool RecordFill(FillRecord f, string? venueTradeId) =>
        Execute("INSERT INTO fills (client_id, client_order_id, venue, symbol, side, price, quantity, fee, fee_asset, fee_in_quote, filled_at, venue_trade_id) " +
                "VALUES (@c, @o, @v, @s, @side, @p, @q, @f, @fa, @fq, @t, @tid) ON CONFLICT DO NOTHING",
            ("@c", f.ClientId.Value), ("@o", f.ClientOrderId), ("@v", f.Venue), ("@s", f.Symbol.Value), ("@side", f.Side.Wire()), ("@p", Text.Dec(f.Price)),
            ("@q", Text.Dec(f.Quantity)), ("@f", Text.Dec(f.Fee)), ("@fa", f.FeeAsset), ("@fq", Text.Dec(f.FeeInQuote)), ("@t", Text.Time(f.FilledAt)),
            ("@tid", venueTradeId)) == 1;
}
