namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>Signed account endpoints: account information and the account's trades. Run under the lock.</summary>
public sealed partial class FakeBinanceExchange
{
    private Handled Account(BinanceRequest r)
    {
        var omitZero = string.Equals(r.Optional("omitZeroBalances"), "true", StringComparison.OrdinalIgnoreCase);
        var balances = _account.All.Where(b => !omitZero || b.Free != 0 || b.Locked != 0).ToList();
        var maker = _account.MakerCommission;
        var taker = _account.TakerCommission;
        return Ok(BinanceJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("makerCommission", (int)(maker * 10000));
            w.WriteNumber("takerCommission", (int)(taker * 10000));
            w.WriteNumber("buyerCommission", 0);
            w.WriteNumber("sellerCommission", 0);
            w.WriteStartObject("commissionRates");
            w.Dec("maker", maker);
            w.Dec("taker", taker);
            w.Dec("buyer", 0m);
            w.Dec("seller", 0m);
            w.WriteEndObject();
            w.WriteBoolean("canTrade", true);
            w.WriteBoolean("canWithdraw", true);
            w.WriteBoolean("canDeposit", true);
            w.WriteBoolean("brokered", false);
            w.WriteBoolean("requireSelfTradePrevention", false);
            w.WriteBoolean("preventSor", false);
            w.WriteNumber("updateTime", BinanceJson.Ms(ServerNow()));
            w.WriteString("accountType", "SPOT");
            w.WriteStartArray("balances");
            foreach (var b in balances)
            {
                w.WriteStartObject();
                w.WriteString("asset", b.Asset);
                w.Dec("free", b.Free);
                w.Dec("locked", b.Locked);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("permissions");
            w.WriteStringValue("SPOT");
            w.WriteEndArray();
            w.WriteNumber("uid", 354937868);
            w.WriteEndObject();
        }));
    }

    private Handled MyTrades(BinanceRequest r)
    {
        var symbol = RequiredSymbol(r).Symbol;
        var orderId = r.Long("orderId");
        var fromId = r.Long("fromId");
        var startTime = r.Long("startTime");
        var endTime = r.Long("endTime");
        var limit = Math.Clamp(r.Int("limit") ?? 500, 1, 1000);
        var trades = _orders.Where(o => o.Symbol == symbol && (orderId is null || o.OrderId == orderId))
            .SelectMany(o => o.Fills.Take(o.TradesListed ?? int.MaxValue))
            .Where(f => (fromId is null || f.TradeId >= fromId)
                        && (startTime is null || BinanceJson.Ms(f.Time) >= startTime)
                        && (endTime is null || BinanceJson.Ms(f.Time) <= endTime))
            .OrderBy(f => f.TradeId)
            .ToList();
        // Oldest first from fromId or startTime; otherwise the most recent ones.
        trades = fromId is not null || startTime is not null ? trades.Take(limit).ToList() : trades.TakeLast(limit).ToList();
        return Ok(BinanceJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var f in trades) BinanceJson.Trade(w, f);
            w.WriteEndArray();
        }));
    }
}
