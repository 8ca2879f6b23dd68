using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>
/// Binance Spot (production, testnet or any compatible base URL) behind the venue port. Each order is sent
/// once with its recorded client order id; when the outcome is unknown (timeout, 5xx, -1006, -1007) the order
/// is looked up by that id with back-off and never re-sent. Without credentials (anything but LIVE and
/// reconcile) it serves public market data only and cannot sign a request.
/// </summary>
public sealed class BinanceVenue : IVenue, IDisposable
{
    /// <summary>Binance's standard taker fee, used for estimates until the account's own rate is known.</summary>
    public const decimal StandardTakerFee = 0.001m;

    private readonly VenueConfig _config;
    private readonly IVenueLimitStore _cache;
    private readonly TimeProvider _time;
    private readonly BinanceOptions _options;
    private readonly BinanceHttp _http;
    private Dictionary<Symbol, SymbolRules>? _symbols;
    private (string Json, DateTimeOffset At)? _fetchedExchangeInfo;
    private decimal? _takerFee;

    public BinanceVenue(VenueConfig config, IVenueLimitStore store, TimeProvider time, BinanceOptions options, Func<BinanceCredentials>? credentials)
    {
        _config = config;
        _cache = store;
        _time = time;
        _options = options;
        _http = new BinanceHttp(config.BaseUrl, store, time, options, credentials);
    }

    public string Name => _config.Name;

    /// <summary>The exchange's clock: ours plus the offset measured from /api/v3/time (public, no credentials).</summary>
    public DateTimeOffset Now() => _http.ServerNow();

    public decimal TakerFeeRate => _takerFee ??= _http.CanSign ? AccountTakerFee() : StandardTakerFee;

    public SymbolRules? FindSymbol(Symbol symbol) => Symbols().GetValueOrDefault(symbol);

    public IReadOnlyCollection<SymbolRules> ListSymbols() => Symbols().Values;

    public OrderBook GetOrderBook(Symbol symbol)
    {
        var reply = _http.Read("/api/v3/depth", [("symbol", symbol.Value), ("limit", "100")], signed: false);
        if (!reply.IsSuccess) throw new VenueUnavailableException($"order book of {symbol} on '{Name}' unavailable: {reply.Describe()}");
        return BinanceJson.Book(reply.Body, _time.GetUtcNow());
    }

    public IReadOnlyDictionary<string, decimal>? GetBalances(ClientId clientId)
    {
        if (!_http.CanSign) return null;
        var account = Account();
        return account.GetProperty("balances").EnumerateArray()
            .Select(b => (Asset: BinanceJson.Str(b, "asset"), Free: BinanceJson.Dec(b, "free")))
            .Where(b => b.Free != 0).ToDictionary(b => b.Asset, b => b.Free);
    }

    public VenueOrderResult PlaceOrder(VenueOrderRequest request)
    {
        var leg = request.Leg;
        // A capped market order goes as LIMIT IOC at its cap: it takes what the book has up to the cap, the rest expires.
        var capped = leg.LimitPrice is null && request.PriceCap is not null;
        var parameters = new List<(string, string)>
        {
            ("symbol", leg.Symbol.Value), ("side", leg.Side.Wire()), ("type", capped ? "LIMIT" : leg.Type.Wire()),
            ("quantity", Decimals.Canonical(leg.Quantity)), ("newClientOrderId", request.ClientOrderId), ("newOrderRespType", "FULL"),
        };
        if (request.EffectiveLimit is { } price)
            parameters.AddRange([("timeInForce", capped ? "IOC" : "GTC"), ("price", Decimals.Canonical(price))]);

        var sentAt = _time.GetTimestamp();
        BinanceReply reply;
        try
        {
            reply = _http.Write(HttpMethod.Post, "/api/v3/order", parameters);
        }
        catch (Exception e) when (e is VenueUnavailableException or VenueConfigurationException)
        {
            return new VenueOrderResult(OrderStatus.Rejected, null, [], "not sent: " + e.Message); // refused before the request left
        }
        catch (BinanceTransportException e)
        {
            return Resolve(request, sentAt, e.Message);
        }

        if (reply.IsSuccess)
            return new VenueOrderResult(BinanceJson.Status(BinanceJson.Str(reply.Body, "status")), BinanceJson.Str(reply.Body, "orderId"),
                BinanceJson.Fills(reply.Body), null);
        if (reply.OutcomeUnknown)
            return Resolve(request, sentAt, reply.Describe());
        return new VenueOrderResult(OrderStatus.Rejected, null, [], reply.Describe());
    }

    /// <summary>
    /// The outcome of an order is unknown: look it up by client order id (bounded, with back-off, for at least
    /// the request's recvWindow) and never re-send. Not found is not proof of "not placed" (the exchange may still
    /// be processing it), so the order stays UNKNOWN: counted against the limits, its symbol blocked, until
    /// reconcile settles it from the venue's records.
    /// </summary>
    private VenueOrderResult Resolve(VenueOrderRequest request, long sentAt, string why)
    {
        // Elapsed time is measured, not read off the wall clock: the exchange ages the request as it waits.
        var window = TimeSpan.FromMilliseconds(_options.RecvWindowMs) + TimeSpan.FromSeconds(1);
        var delay = _options.RetryBaseDelay;
        // Bounded: at most until the request is older than its recvWindow (≤ 61 s), back-off doubling up to 1 s.
        while (true)
        {
            try
            {
                if (LookupOrder(request.ClientId, request.Leg.Symbol, request.ClientOrderId) is { } found)
                    return found with { Reason = $"outcome was unknown ({why}); found on the venue by client order id" };
                if (_time.GetElapsedTime(sentAt) > window)
                {
                    why += "; not found on the venue so far";
                    break;
                }
            }
            catch (Exception e) when (e is VenueUnavailableException or BinanceTransportException)
            {
                why += "; lookup failed: " + e.Message;
                break;
            }
            Thread.Sleep(Clamp(delay, window - _time.GetElapsedTime(sentAt)));
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }
        return new VenueOrderResult(OrderStatus.Unknown, null, [], why + " — run `robson reconcile`");
    }

    private static TimeSpan Clamp(TimeSpan delay, TimeSpan untilDeadline)
    {
        untilDeadline += TimeSpan.FromMilliseconds(50);
        return untilDeadline > TimeSpan.Zero && untilDeadline < delay ? untilDeadline : delay;
    }

    public TimeSpan OrderWindow => TimeSpan.FromMilliseconds(_options.RecvWindowMs);

    public DateTimeOffset NotPlacedAfter(DateTimeOffset sentAt) => sentAt + OrderWindow + TimeSpan.FromSeconds(1);

    public VenueOrderResult PlaceProtection(ProtectionRequest request) =>
        new(OrderStatus.Rejected, null, [], "not sent: protective orders are not supported on Binance yet");

    public VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false)
    {
        var reply = _http.Read("/api/v3/order", [("symbol", symbol.Value), ("origClientOrderId", clientOrderId)], signed: true);
        if (reply.Code == -2013) return null;
        if (!reply.IsSuccess) throw new VenueUnavailableException($"cannot look up order {clientOrderId} on '{Name}': {reply.Describe()}");
        var order = reply.Body;
        var orderId = BinanceJson.Str(order, "orderId");
        IReadOnlyList<VenueFill> fills = [];
        if (BinanceJson.Dec(order, "executedQty") > 0)
        {
            var trades = _http.Read("/api/v3/myTrades", [("symbol", symbol.Value), ("orderId", orderId)], signed: true);
            if (!trades.IsSuccess) throw new VenueUnavailableException($"cannot read the trades of order {clientOrderId}: {trades.Describe()}");
            fills = BinanceJson.Trades(trades.Body);
        }
        return new VenueOrderResult(BinanceJson.Status(BinanceJson.Str(order, "status")), orderId, fills, null);
    }

    public IReadOnlyList<VenueOpenOrder> OpenOrders(ClientId clientId)
    {
        var reply = _http.Read("/api/v3/openOrders", [], signed: true);
        if (!reply.IsSuccess) throw new VenueUnavailableException($"cannot list open orders on '{Name}': {reply.Describe()}");
        return reply.Body.EnumerateArray().Select(BinanceJson.OpenOrder).ToList();
    }

    public VenueOrderResult CancelOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false)
    {
        BinanceReply reply;
        try
        {
            reply = _http.Write(HttpMethod.Delete, "/api/v3/order", [("symbol", symbol.Value), ("origClientOrderId", clientOrderId)]);
        }
        catch (Exception e) when (e is VenueUnavailableException or VenueConfigurationException)
        {
            return new VenueOrderResult(OrderStatus.Rejected, null, [], "not sent: " + e.Message);
        }
        catch (BinanceTransportException e)
        {
            // Whether the cancel happened is unknown: the order's own state tells.
            return LookupOrder(clientId, symbol, clientOrderId) is { } order ? order with { Reason = e.Message } : new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message);
        }
        if (reply.IsSuccess)
            return TryLookup(clientId, symbol, clientOrderId)
                   ?? new VenueOrderResult(OrderStatus.Unknown, null, [], "cancel accepted; the order's final state and fills are read by reconcile");
        if (reply.OutcomeUnknown)
            return TryLookup(clientId, symbol, clientOrderId) is { } order ? order with { Reason = reply.Describe() } : new VenueOrderResult(OrderStatus.Unknown, null, [], reply.Describe());
        return new VenueOrderResult(OrderStatus.Rejected, null, [], reply.Describe());
    }

    private VenueOrderResult? TryLookup(ClientId clientId, Symbol symbol, string clientOrderId)
    {
        try
        {
            return LookupOrder(clientId, symbol, clientOrderId);
        }
        catch (Exception e) when (e is VenueUnavailableException or BinanceTransportException)
        {
            return null;
        }
    }

    private JsonElement Account()
    {
        var reply = _http.Read("/api/v3/account", [], signed: true);
        if (!reply.IsSuccess) throw new VenueUnavailableException($"cannot read the account on '{Name}': {reply.Describe()}");
        return reply.Body;
    }

    private decimal AccountTakerFee() =>
        Account().TryGetProperty("commissionRates", out var rates) ? BinanceJson.Dec(rates, "taker") : StandardTakerFee;

    /// <summary>exchangeInfo, reused from the store while younger than its expiry, so a CLI run does not refetch it.</summary>
    private Dictionary<Symbol, SymbolRules> Symbols()
    {
        if (_symbols is not null) return _symbols;
        var now = _time.GetUtcNow();
        var json = _cache.CachedExchangeInfo(_config.BaseUrl) is { } cached && now - cached.FetchedAt < _options.ExchangeInfoExpiry ? cached.Json : null;
        if (json is null)
        {
            var reply = _http.Read("/api/v3/exchangeInfo", [], signed: false);
            if (!reply.IsSuccess) throw new VenueUnavailableException($"exchangeInfo of '{Name}' unavailable: {reply.Describe()}");
            json = reply.Body.GetRawText();
            _fetchedExchangeInfo = (json, now);
        }
        using var document = JsonDocument.Parse(json);
        _symbols = ExchangeInfoMapper.Map(document.RootElement).ToDictionary(r => r.Symbol);
        return _symbols;
    }

    /// <summary>Keeps what this command learnt (exchangeInfo, used weight); not called when the command was refused.</summary>
    public void Flush()
    {
        if (_fetchedExchangeInfo is { } fetched) _cache.CacheExchangeInfo(_config.BaseUrl, fetched.Json, fetched.At);
        _fetchedExchangeInfo = null;
        _http.Flush();
    }

    public void Dispose() => _http.Dispose();

    public override string ToString() => $"{Name} ({_config.Kind}, {_config.BaseUrl})";
}
