using Robson.Core.Domain;

namespace Robson.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public decimal? PriceOverride(Symbol symbol) =>
        Scalar("SELECT price FROM paper_prices WHERE symbol = $s", ("$s", symbol.Value)) is string text ? Text.ParseDec(text) : null;

    public void SetPrice(Symbol symbol, decimal price, DateTimeOffset now) =>
        Execute("INSERT INTO paper_prices (symbol, price, updated_at) VALUES ($s, $p, $t) ON CONFLICT (symbol) DO UPDATE SET price = $p, updated_at = $t",
            ("$s", symbol.Value), ("$p", Text.Dec(price)), ("$t", Text.Time(now)));

    public IReadOnlyDictionary<string, decimal>? Balances(ClientId clientId)
    {
        var rows = Query("SELECT asset, free FROM paper_balances WHERE client_id = $c ORDER BY asset",
            r => (Asset: r.GetString(0), Free: Text.ParseDec(r.GetString(1))), ("$c", clientId.Value));
        return rows.Count == 0 ? null : rows.ToDictionary(r => r.Asset, r => r.Free);
    }

    public void SetBalance(ClientId clientId, string asset, decimal free) =>
        Execute("INSERT INTO paper_balances (client_id, asset, free) VALUES ($c, $a, $f) ON CONFLICT (client_id, asset) DO UPDATE SET free = $f",
            ("$c", clientId.Value), ("$a", asset), ("$f", Text.Dec(free)));

    public void RecordPaperOrder(ClientId clientId, string clientOrderId, Robson.Core.Ports.VenueOrderResult result, DateTimeOffset at) =>
        Execute("INSERT INTO paper_orders (client_id, client_order_id, result_json, placed_at) VALUES ($c, $o, $r, $t)",
            ("$c", clientId.Value), ("$o", clientOrderId), ("$r", StoredJson.VenueResult(result)), ("$t", Text.Time(at)));

    public Robson.Core.Ports.VenueOrderResult? FindPaperOrder(ClientId clientId, string clientOrderId) =>
        Scalar("SELECT result_json FROM paper_orders WHERE client_id = $c AND client_order_id = $o", ("$c", clientId.Value), ("$o", clientOrderId))
            is string json ? StoredJson.ParseVenueResult(json) : null;
}
