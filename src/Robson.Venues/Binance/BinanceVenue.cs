using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Execution;
using Robson.Core.Market;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>
/// Binance Spot (production, testnet or any compatible base URL) behind the venue port. Each order is sent
/// once with its recorded client order id, signed with the time it was marked SENT; when the outcome is unknown
/// (timeout, 5xx, -1006, -1007) the order is looked up by that id with back-off and never re-sent, until the venue
/// could no longer place it (see BinanceVenue.Outcomes.cs). Protective orders and OCO lists live in
/// BinanceVenue.Protection.cs. Without credentials (anything but LIVE and reconcile) it serves public market data
/// only and cannot sign a request.
/// </summary>
public sealed partial class BinanceVenue : IVenue, IDisposable
{
    /// <summary>Binance's standard taker fee, used for estimates until the account's own rate is known.</summary>
    public const decimal StandardTakerFee = 0.001m;

    private readonly VenueConfig _config;
    private readonly IVenueLimitStore _cache;
    private readonly TimeProvider _time;
    private readonly BinanceOptions _options;
    private readonly BinanceHttp _http;
    private readonly BinanceTrades _trades;
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
        _trades = new BinanceTrades(_http);
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

    /// <summary>The last trade's price (GET /api/v3/ticker/price, public).</summary>
    public decimal? LastPrice(Symbol symbol)
    {
        var reply = _http.Read("/api/v3/ticker/price", [("symbol", symbol.Value)], signed: false);
        if (!reply.IsSuccess) throw new VenueUnavailableException($"last price of {symbol} on '{Name}' unavailable: {reply.Describe()}");
        return BinanceJson.Dec(reply.Body, "price");
    }

    public IReadOnlyDictionary<string, decimal>? GetBalances(ClientId clientId)
    {
        if (!_http.CanSign) return null;
        var account = Account();
        return account.GetProperty("balances").EnumerateArray()
            .Select(b => (Asset: BinanceJson.Str(b, "asset"), Free: BinanceJson.Dec(b, "free")))
            .Where(b => b.Free != 0).ToDictionary(b => b.Asset, b => b.Free);
    }

    public IReadOnlyDictionary<string, decimal>? GetLockedBalances(ClientId clientId)
    {
        if (!_http.CanSign) return null;
        return Account().GetProperty("balances").EnumerateArray()
            .Select(b => (Asset: BinanceJson.Str(b, "asset"), Locked: BinanceJson.Dec(b, "locked")))
            .Where(b => b.Locked != 0).ToDictionary(b => b.Asset, b => b.Locked);
    }

    public VenueOrderResult PlaceOrder(VenueOrderRequest request)
    {
        var leg = request.Leg;
        // A capped market order goes as LIMIT IOC at its cap: it takes what the book has up to the cap, the rest expires.
        var capped = leg.LimitPrice is null && request.PriceCap is not null;
        // A buy by quote amount goes as MARKET with quoteOrderQty instead of quantity: Binance buys as much as the amount
        // pays for, rounded down to the step. It takes no price, so it is never capped (see PriceCap).
        var amount = leg.QuoteQuantity is { } quote ? ("quoteOrderQty", Decimals.Canonical(quote)) : ("quantity", Decimals.Canonical(leg.Quantity));
        var parameters = new List<(string, string)>
        {
            ("symbol", leg.Symbol.Value), ("side", leg.Side.Wire()), ("type", capped ? "LIMIT" : leg.Type.Wire()),
            amount, ("newClientOrderId", request.ClientOrderId), ("newOrderRespType", "FULL"),
        };
        if (request.EffectiveLimit is { } price)
            parameters.AddRange([("timeInForce", request.TimeInForce.Wire()), ("price", Decimals.Canonical(price))]);

        return PlaceOnce("/api/v3/order", parameters, request.SentAt,
            body => OrderAnswer(body, leg.Symbol, request.ClientOrderId),
            () => LookupOrder(request.ClientId, leg.Symbol, request.ClientOrderId));
    }

    public TimeSpan OrderWindow => TimeSpan.FromMilliseconds(_options.RecvWindowMs);

    public VenueOrderResult? LookupOrder(ClientId clientId, Symbol symbol, string clientOrderId, bool isList = false)
    {
        if (isList) return LookupList(symbol, clientOrderId);
        var reply = _http.Read("/api/v3/order", [("symbol", symbol.Value), ("origClientOrderId", clientOrderId)], signed: true);
        if (reply.Code == -2013) return null;
        if (!reply.IsSuccess) throw new VenueUnavailableException($"cannot look up order {clientOrderId} on '{Name}': {reply.Describe()}");
        var order = reply.Body;
        var orderId = BinanceJson.Str(order, "orderId");
        var executed = BinanceJson.Dec(order, "executedQty");
        var fills = executed > 0 ? _trades.ReadAll(symbol, orderId, executed, clientOrderId) : [];
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
        var (path, idName) = isList ? ("/api/v3/orderList", "listClientOrderId") : ("/api/v3/order", "origClientOrderId");
        BinanceReply reply;
        try
        {
            reply = _http.Write(HttpMethod.Delete, path, [("symbol", symbol.Value), (idName, clientOrderId)]);
        }
        catch (Exception e) when (e is VenueUnavailableException or VenueConfigurationException)
        {
            return new VenueOrderResult(OrderStatus.Rejected, null, [], "not sent: " + e.Message);
        }
        catch (BinanceTransportException e)
        {
            // Whether the cancel happened is unknown: the order's own state tells.
            return TryLookup(clientId, symbol, clientOrderId, isList) is { } order ? order with { Reason = e.Message } : new VenueOrderResult(OrderStatus.Unknown, null, [], e.Message);
        }
        if (reply.IsSuccess)
            return TryLookup(clientId, symbol, clientOrderId, isList)
                   ?? new VenueOrderResult(OrderStatus.Unknown, null, [], "cancel accepted; the order's final state and fills are read by reconcile");
        if (reply.OutcomeUnknown)
            return TryLookup(clientId, symbol, clientOrderId, isList) is { } order ? order with { Reason = reply.Describe() } : new VenueOrderResult(OrderStatus.Unknown, null, [], reply.Describe());
        return new VenueOrderResult(OrderStatus.Rejected, null, [], reply.Describe());
    }

    private VenueOrderResult? TryLookup(ClientId clientId, Symbol symbol, string clientOrderId, bool isList)
    {
        try
        {
            return LookupOrder(clientId, symbol, clientOrderId, isList);
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
