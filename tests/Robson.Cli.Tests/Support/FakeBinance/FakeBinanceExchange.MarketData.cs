using System.Text.Json;

namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>Public market-data endpoints (no key): time, exchangeInfo, tickers, depth. Run under the lock.</summary>
public sealed partial class FakeBinanceExchange
{
    private Handled Time(BinanceRequest r) => Ok(BinanceJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("serverTime", BinanceJson.Ms(ServerNow()));
        w.WriteEndObject();
    }));

    /// <summary>The symbols a request names with <c>symbol</c> or <c>symbols=["A","B"]</c>, or all of them.</summary>
    private List<SymbolSpec> Selected(BinanceRequest r)
    {
        if (r.Optional("symbol") is { } one)
            return [_symbols.TryGetValue(one, out var spec) ? spec : throw BinanceError.InvalidSymbol()];
        if (r.Optional("symbols") is { } many)
        {
            string[] names;
            try
            {
                names = JsonSerializer.Deserialize<string[]>(many) ?? [];
            }
            catch (JsonException)
            {
                throw BinanceError.Mandatory("symbols");
            }
            return names.Select(n => _symbols.TryGetValue(n, out var spec) ? spec : throw BinanceError.InvalidSymbol()).ToList();
        }
        return [.. _symbols.Values];
    }

    private Handled ExchangeInfo(BinanceRequest r)
    {
        var symbols = Selected(r);
        return Ok(BinanceJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("timezone", "UTC");
            w.WriteNumber("serverTime", BinanceJson.Ms(ServerNow()));
            BinanceJson.RateLimits(w);
            w.WriteStartArray("exchangeFilters");
            w.WriteEndArray();
            w.WriteStartArray("symbols");
            foreach (var s in symbols) BinanceJson.ExchangeSymbol(w, s);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>One object for <c>symbol</c>, else an array.</summary>
    private Handled PerSymbol(BinanceRequest r, Action<Utf8JsonWriter, SymbolSpec> write)
    {
        var symbols = Selected(r);
        return Ok(BinanceJson.Write(w =>
        {
            if (r.Has("symbol"))
            {
                write(w, symbols[0]);
                return;
            }
            w.WriteStartArray();
            foreach (var s in symbols) write(w, s);
            w.WriteEndArray();
        }));
    }

    private Handled TickerPrice(BinanceRequest r) => PerSymbol(r, (w, s) =>
    {
        w.WriteStartObject();
        w.WriteString("symbol", s.Symbol);
        w.Dec("price", s.FloorToTick(_mids[s.Symbol]));
        w.WriteEndObject();
    });

    private Handled BookTicker(BinanceRequest r) => PerSymbol(r, (w, s) =>
    {
        var book = BookFor(s);
        w.WriteStartObject();
        w.WriteString("symbol", s.Symbol);
        w.Dec("bidPrice", book.BestBid.Price);
        w.Dec("bidQty", book.BestBid.Qty);
        w.Dec("askPrice", book.BestAsk.Price);
        w.Dec("askQty", book.BestAsk.Qty);
        w.WriteEndObject();
    });

    private Handled Depth(BinanceRequest r)
    {
        var spec = _symbols.TryGetValue(r.Required("symbol"), out var s) ? s : throw BinanceError.InvalidSymbol();
        var limit = Math.Clamp(r.Int("limit") ?? 100, 1, 5000);
        var book = BookFor(spec);
        return Ok(BinanceJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("lastUpdateId", _lastUpdateId);
            WriteLevels(w, "bids", book.Bids.Take(limit));
            WriteLevels(w, "asks", book.Asks.Take(limit));
            w.WriteEndObject();
        }));
    }

    private static void WriteLevels(Utf8JsonWriter w, string name, IEnumerable<BookLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(BinanceJson.Num(level.Price));
            w.WriteStringValue(BinanceJson.Num(level.Qty));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
