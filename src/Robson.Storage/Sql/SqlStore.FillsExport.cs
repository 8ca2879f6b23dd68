using Robson.Core.Domain;
using Robson.Core.Reporting;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    // Fills read through fills_by_client (client_id, filled_at); the day bounds compare fixed-width UTC text, so they
    // are bounds in time. The order gives the venue's order id (fills carry only the client order id).
    private const string ExportFillsSql =
        "SELECT f.client_id, f.client_order_id, f.venue, f.symbol, f.side, f.price, f.quantity, f.fee, f.fee_asset, f.fee_in_quote, f.filled_at, " +
        "o.venue_order_id, f.venue_trade_id FROM fills f " +
        "LEFT JOIN orders o ON o.client_id = f.client_id AND o.client_order_id = f.client_order_id " +
        "WHERE f.client_id = @c AND (CAST(@from AS TEXT) IS NULL OR f.filled_at >= @from) AND (CAST(@end AS TEXT) IS NULL OR f.filled_at < @end) " +
        "AND (CAST(@v AS TEXT) IS NULL OR f.venue = @v) ORDER BY f.filled_at, f.id";

    public IEnumerable<FillLine> ExportFills(ClientId clientId, DateOnly? from, DateOnly? to, string? venue) =>
        Stream(ExportFillsSql, r => new FillLine(ReadFill(r), r.NullableString(11), r.NullableString(12)),
            ("@c", clientId.Value), ("@from", from is { } f ? Text.Day(f) : null), ("@end", to is { } t ? Text.Day(t.AddDays(1)) : null), ("@v", venue));
}
