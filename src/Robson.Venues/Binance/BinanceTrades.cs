using System.Globalization;
using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>
/// Every trade of one order, from GET /api/v3/myTrades: one answer holds at most 1,000, so the trades are paged by
/// <c>fromId</c> (oldest first, the documented symbol + orderId + fromId combination) until they add up to the order's
/// executed quantity. An order is never closed on fewer fills than it executed.
/// </summary>
internal sealed class BinanceTrades(BinanceHttp http)
{
    /// <summary>Binance's maximum page size.</summary>
    public const int PageSize = 1000;

    /// <exception cref="VenueUnavailableException">The trades cannot be read, or the venue answered fewer than executed.</exception>
    public IReadOnlyList<VenueFill> ReadAll(Symbol symbol, string orderId, decimal executedQty, string clientOrderId)
    {
        var fills = new List<VenueFill>();
        long fromId = 0; // the first page starts at the order's first trade, not at its most recent ones
        while (fills.Sum(f => f.Quantity) < executedQty)
        {
            var reply = http.Read("/api/v3/myTrades",
                [("symbol", symbol.Value), ("orderId", orderId), ("fromId", fromId.ToString(CultureInfo.InvariantCulture)), ("limit", PageSize.ToString(CultureInfo.InvariantCulture))],
                signed: true);
            if (!reply.IsSuccess || reply.Body.ValueKind != JsonValueKind.Array)
                throw new VenueUnavailableException($"cannot read the trades of order {clientOrderId}: {reply.Describe()}");
            var page = reply.Body.EnumerateArray().ToList();
            fills.AddRange(page.Select(BinanceJson.Trade));
            var lastId = page.Count > 0 ? page.Max(t => BinanceJson.Long(t, "id")) : 0;
            // A short page is the last one; a page without trade ids cannot be continued.
            if (page.Count < PageSize || lastId <= 0) break;
            fromId = lastId + 1;
        }
        var total = fills.Sum(f => f.Quantity);
        if (total < executedQty)
            throw new VenueUnavailableException(
                $"the venue lists trades of order {clientOrderId} for {Decimals.Canonical(total)} of its executed {Decimals.Canonical(executedQty)}: its fills are incomplete, so it is read again by reconcile");
        return fills;
    }
}
