using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.FakeBinance;

namespace Robson.Cli.Tests.FakeBinance;

/// <summary>The fake Binance exchange itself, spoken to with a bare HttpClient.</summary>
public sealed class FakeBinanceExchangeTests : IDisposable
{
    private const string Key = "test-api-key-0123456789";
    private const string Secret = "test-api-secret-abcdefghijklmnopqrstuvwxyz";

    // Binance's documented HMAC example (rest-api.md, "SIGNED Endpoint Examples for POST /api/v3/order").
    private const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string DocKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private const string DocPayload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    private const string DocSignature = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    private readonly FakeBinanceExchange _fake = new(Key, Secret);
    private readonly HttpClient _http;

    public FakeBinanceExchangeTests() => _http = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };

    public void Dispose()
    {
        _http.Dispose();
        Assert.Empty(_fake.ServerErrors);
        _fake.Dispose();
    }

    private sealed record Answer(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Message)
    {
        public int Code => Json.GetProperty("code").GetInt32();
        public string Msg => Json.GetProperty("msg").GetString()!;
        public string Str(string name) => Json.GetProperty(name).GetString()!;
        public decimal Dec(string name) => decimal.Parse(Str(name), CultureInfo.InvariantCulture);
        public string Header(string name) => Message.Headers.TryGetValues(name, out var v) ? v.Single() : "";
    }

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static async Task<Answer> Read(HttpResponseMessage message)
    {
        var text = await message.Content.ReadAsStringAsync();
        return new Answer(message.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), message);
    }

    private async Task<Answer> Public(string pathAndQuery) => await Read(await _http.GetAsync(pathAndQuery));

    /// <summary>Signs <paramref name="query"/> (with a timestamp appended unless it has one) plus the form body, like a client would.</summary>
    private async Task<Answer> Signed(HttpMethod method, string path, string query, string? body = null, string key = Key, string secret = Secret,
        long? timestamp = null, HttpClient? http = null)
    {
        var message = SignedMessage(method, path, query, body, key, secret, timestamp);
        return await Read(await (http ?? _http).SendAsync(message));
    }

    private static HttpRequestMessage SignedMessage(HttpMethod method, string path, string query, string? body = null, string key = Key,
        string secret = Secret, long? timestamp = null)
    {
        if (!query.Contains("timestamp=", StringComparison.Ordinal))
            query = (query.Length > 0 ? query + "&" : "") + "timestamp=" + (timestamp ?? NowMs()).ToString(CultureInfo.InvariantCulture);
        var signature = HmacSignature.Sign(secret, query + (body ?? ""));
        var message = new HttpRequestMessage(method, $"{path}?{query}&signature={signature}");
        if (key.Length > 0) message.Headers.Add("X-MBX-APIKEY", key);
        if (body is not null) message.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        return message;
    }

    private Task<Answer> Order(string query) => Signed(HttpMethod.Post, "/api/v3/order", query);

    private Task<Answer> Market(string side, string symbol, string qty, string clientId) =>
        Order($"symbol={symbol}&side={side}&type=MARKET&quantity={qty}&newClientOrderId={clientId}&newOrderRespType=FULL");

    private Task<Answer> Limit(string side, string symbol, string qty, string price, string clientId, string tif = "GTC") =>
        Order($"symbol={symbol}&side={side}&type=LIMIT&timeInForce={tif}&quantity={qty}&price={price}&newClientOrderId={clientId}");

    private Task<Answer> Lookup(string symbol, string clientId) =>
        Signed(HttpMethod.Get, "/api/v3/order", $"symbol={symbol}&origClientOrderId={clientId}");

    private static void AssertError(Answer answer, HttpStatusCode status, int code, string? msg = null)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(code, answer.Code);
        if (msg is not null) Assert.Equal(msg, answer.Msg);
    }

    // ---- signing -------------------------------------------------------------------------------------------

    [Fact]
    public void Signature_DocumentedExample_MatchesBinance()
    {
        Assert.Equal(DocSignature, HmacSignature.Sign(DocSecret, DocPayload));
        Assert.True(HmacSignature.Verify(DocSecret, DocPayload, DocSignature.ToUpperInvariant()));
        Assert.False(HmacSignature.Verify(DocSecret, DocPayload.Replace("quantity=1", "quantity=2"), DocSignature));
    }

    [Fact]
    public async Task Signature_DocumentedRequestOnTheWire_PassesAuthentication()
    {
        // Server clock 100 ms after the documented timestamp; LTCBTC is not listed, so passing every
        // signed check ends at "Invalid symbol." rather than -1022 or -1021.
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1499827319559 + 100));
        using var fake = new FakeBinanceExchange(DocKey, DocSecret, clock);
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl) };
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v3/order?{DocPayload}&signature={DocSignature}");
        message.Headers.Add("X-MBX-APIKEY", DocKey);

        var answer = await Read(await http.SendAsync(message));

        AssertError(answer, HttpStatusCode.BadRequest, -1121, "Invalid symbol.");
        Assert.Empty(fake.ServerErrors);
    }

    [Fact]
    public async Task Signature_Tampered_Rejected1022_AndUppercaseHexAccepted()
    {
        var query = $"timestamp={NowMs()}";
        var good = HmacSignature.Sign(Secret, query);
        var tampered = (good[0] == 'a' ? 'b' : 'a') + good[1..];

        var bad = await Read(await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, $"/api/v3/account?{query}&signature={tampered}"))));
        var upper = await Read(await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, $"/api/v3/account?{query}&signature={good.ToUpperInvariant()}"))));
        var wrongSecret = await Signed(HttpMethod.Get, "/api/v3/account", "", secret: "another-secret");

        AssertError(bad, HttpStatusCode.BadRequest, -1022, "Signature for this request is not valid.");
        AssertError(wrongSecret, HttpStatusCode.BadRequest, -1022);
        Assert.Equal(HttpStatusCode.OK, upper.Status);
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage message)
    {
        message.Headers.Add("X-MBX-APIKEY", Key);
        return message;
    }

    [Fact]
    public async Task Signature_ParametersSplitBetweenQueryAndBody_SignedAsQueryThenBody()
    {
        var answer = await Signed(HttpMethod.Post, "/api/v3/order", $"symbol=ETHUSDT&side=BUY&timestamp={NowMs()}",
            body: "type=MARKET&quantity=0.0100&newClientOrderId=split-1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("split-1", answer.Str("clientOrderId"));
        Assert.Equal("FILLED", answer.Str("status"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("wrong-key")]
    public async Task ApiKey_MissingOrWrong_Http401_Code2015(string key)
    {
        var answer = await Signed(HttpMethod.Get, "/api/v3/account", "", key: key);

        AssertError(answer, HttpStatusCode.Unauthorized, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task SignedRequest_WithoutTimestampOrSignature_Code1102()
    {
        var noTimestamp = await Read(await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get,
            $"/api/v3/account?signature={HmacSignature.Sign(Secret, "")}"))));
        var noSignature = await Read(await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, $"/api/v3/account?timestamp={NowMs()}"))));

        AssertError(noTimestamp, HttpStatusCode.BadRequest, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        AssertError(noSignature, HttpStatusCode.BadRequest, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    }

    // ---- timing --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Timestamp_MoreThanOneSecondAhead_Rejected1021_JustUnderAccepted()
    {
        var ahead = await Signed(HttpMethod.Get, "/api/v3/account", "", timestamp: NowMs() + 1500);
        var slightlyAhead = await Signed(HttpMethod.Get, "/api/v3/account", "", timestamp: NowMs() + 600);

        AssertError(ahead, HttpStatusCode.BadRequest, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        Assert.Equal(HttpStatusCode.OK, slightlyAhead.Status);
    }

    [Fact]
    public async Task Timestamp_OlderThanRecvWindow_Rejected1021_UnlessWindowIsWider()
    {
        var old = NowMs() - 6000;

        var defaultWindow = await Signed(HttpMethod.Get, "/api/v3/account", "", timestamp: old);
        var wideWindow = await Signed(HttpMethod.Get, "/api/v3/account", "recvWindow=10000", timestamp: old);
        var tooWide = await Signed(HttpMethod.Get, "/api/v3/account", "recvWindow=60001");

        AssertError(defaultWindow, HttpStatusCode.BadRequest, -1021, "Timestamp for this request is outside of the recvWindow.");
        Assert.Equal(HttpStatusCode.OK, wideWindow.Status);
        AssertError(tooWide, HttpStatusCode.BadRequest, -1102);
    }

    [Fact]
    public async Task ClockSkew_ServerAhead_LocalTimestampRejected_UntilClientUsesServerTime()
    {
        _fake.ClockOffset = TimeSpan.FromSeconds(30);

        var local = await Signed(HttpMethod.Get, "/api/v3/account", "");
        var serverTime = (await Public("/api/v3/time")).Json.GetProperty("serverTime").GetInt64();
        var synced = await Signed(HttpMethod.Get, "/api/v3/account", "", timestamp: serverTime);

        AssertError(local, HttpStatusCode.BadRequest, -1021);
        Assert.InRange(serverTime - NowMs(), 29_000, 31_000);
        Assert.Equal(HttpStatusCode.OK, synced.Status);
    }

    [Fact]
    public async Task ClockSkew_ServerBehind_LocalTimestampAhead_Rejected1021()
    {
        _fake.ClockOffset = TimeSpan.FromSeconds(-5);

        var answer = await Order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");

        AssertError(answer, HttpStatusCode.BadRequest, -1021);
        Assert.Empty(_fake.Orders);
        Assert.Equal(1, _fake.OrderRequestCount);
    }

    // ---- market data ---------------------------------------------------------------------------------------

    [Fact]
    public async Task PublicEndpoints_PingTimeTickers()
    {
        var ping = await Public("/api/v3/ping");
        var time = await Public("/api/v3/time");
        var price = await Public("/api/v3/ticker/price?symbol=BTCUSDT");
        var all = await Public("/api/v3/ticker/price");
        var book = await Public("/api/v3/ticker/bookTicker?symbol=ETHUSDT");

        Assert.Equal("{}", ping.Json.GetRawText());
        Assert.InRange(time.Json.GetProperty("serverTime").GetInt64() - NowMs(), -2000, 2000);
        Assert.Equal("60000.00000000", price.Str("price"));
        Assert.Equal(_fake.Symbols.Count, all.Json.GetArrayLength());
        Assert.Equal("2999.85000000", book.Str("bidPrice"));
        Assert.Equal("3000.15000000", book.Str("askPrice"));
        Assert.True(book.Dec("bidQty") > 0 && book.Dec("askQty") > 0);
    }

    [Fact]
    public async Task ExchangeInfo_BtcUsdt_HasBinancesFiltersAsStrings()
    {
        var info = await Public("/api/v3/exchangeInfo?symbol=BTCUSDT");

        Assert.Equal("UTC", info.Str("timezone"));
        Assert.True(info.Json.GetProperty("rateLimits").GetArrayLength() > 0);
        var symbol = Assert.Single(info.Json.GetProperty("symbols").EnumerateArray());
        Assert.Equal("TRADING", symbol.GetProperty("status").GetString());
        Assert.Equal("BTC", symbol.GetProperty("baseAsset").GetString());
        Assert.Equal("USDT", symbol.GetProperty("quoteAsset").GetString());
        Assert.Equal(8, symbol.GetProperty("baseAssetPrecision").GetInt32());
        Assert.Equal(8, symbol.GetProperty("quotePrecision").GetInt32());
        Assert.Contains("MARKET", symbol.GetProperty("orderTypes").EnumerateArray().Select(e => e.GetString()));
        var filters = symbol.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("filterType").GetString()!, f => f.GetRawText());
        Assert.Equal(["PRICE_FILTER", "LOT_SIZE", "ICEBERG_PARTS", "MARKET_LOT_SIZE", "TRAILING_DELTA", "PERCENT_PRICE_BY_SIDE", "NOTIONAL", "MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS"],
            filters.Keys);
        Assert.Equal("""{"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"}""", filters["PRICE_FILTER"]);
        Assert.Equal("""{"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"}""", filters["LOT_SIZE"]);
        Assert.Equal("""{"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"100.00000000","stepSize":"0.00000000"}""", filters["MARKET_LOT_SIZE"]);
        Assert.Equal("""{"filterType":"PERCENT_PRICE_BY_SIDE","bidMultiplierUp":"5","bidMultiplierDown":"0.2","askMultiplierUp":"5","askMultiplierDown":"0.2","avgPriceMins":5}""",
            filters["PERCENT_PRICE_BY_SIDE"]);
        Assert.Equal("""{"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}""",
            filters["NOTIONAL"]);
    }

    [Fact]
    public async Task ExchangeInfo_AllAndUnknownSymbol()
    {
        var all = await Public("/api/v3/exchangeInfo");
        var eth = await Public("/api/v3/exchangeInfo?symbols=" + Uri.EscapeDataString("[\"ETHUSDT\"]"));
        var unknown = await Public("/api/v3/exchangeInfo?symbol=DOGEUSDT");

        Assert.Contains("ETHUSDT", all.Json.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("symbol").GetString()));
        var lot = eth.Json.GetProperty("symbols")[0].GetProperty("filters").EnumerateArray().Single(f => f.GetProperty("filterType").GetString() == "LOT_SIZE");
        Assert.Equal("0.00010000", lot.GetProperty("stepSize").GetString());
        AssertError(unknown, HttpStatusCode.BadRequest, -1121, "Invalid symbol.");
    }

    [Fact]
    public async Task Depth_DeterministicBookAroundMid_OnTickAndStep()
    {
        _fake.SetMid("BTCUSDT", 50000m);

        var depth = await Public("/api/v3/depth?symbol=BTCUSDT&limit=5");

        var bids = Levels(depth.Json.GetProperty("bids"));
        var asks = Levels(depth.Json.GetProperty("asks"));
        Assert.Equal(5, bids.Count);
        Assert.Equal(5, asks.Count);
        Assert.True(depth.Json.GetProperty("lastUpdateId").GetInt64() > 0);
        Assert.Equal(49997.5m, bids[0].Price);
        Assert.Equal(50002.5m, asks[0].Price);
        Assert.All(bids.Zip(bids.Skip(1)), p => Assert.True(p.First.Price > p.Second.Price));
        Assert.All(asks.Zip(asks.Skip(1)), p => Assert.True(p.First.Price < p.Second.Price));
        Assert.All(bids.Concat(asks), l => Assert.Equal(0m, l.Price % 0.01m));
        Assert.All(bids.Concat(asks), l => Assert.Equal(0m, l.Qty % 0.00001m));
        Assert.All(bids.Concat(asks), l => Assert.True(l.Qty > 0));
        Assert.Equal(depth.Json.GetRawText(), (await Public("/api/v3/depth?symbol=BTCUSDT&limit=5")).Json.GetRawText());
    }

    private static List<(decimal Price, decimal Qty)> Levels(JsonElement side) =>
        side.EnumerateArray().Select(l => (decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture), decimal.Parse(l[1].GetString()!, CultureInfo.InvariantCulture))).ToList();

    // ---- orders --------------------------------------------------------------------------------------------

    [Fact]
    public async Task MarketBuy_WalksLevels_FullResponse_CommissionInBase_BalancesMove()
    {
        _fake.SetBalance("USDT", 10000m);
        _fake.SetBalance("BTC", 0m);

        var answer = await Market("BUY", "BTCUSDT", "0.05", "mkt-buy-1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("BTCUSDT", answer.Str("symbol"));
        Assert.Equal(-1, answer.Json.GetProperty("orderListId").GetInt32());
        Assert.Equal("mkt-buy-1", answer.Str("clientOrderId"));
        Assert.Equal("FILLED", answer.Str("status"));
        Assert.Equal("MARKET", answer.Str("type"));
        Assert.Equal("BUY", answer.Str("side"));
        Assert.Equal("GTC", answer.Str("timeInForce"));
        Assert.Equal("0.05000000", answer.Str("origQty"));
        Assert.Equal("0.05000000", answer.Str("executedQty"));
        Assert.True(answer.Json.GetProperty("transactTime").GetInt64() > 0);
        var fills = answer.Json.GetProperty("fills").EnumerateArray().ToList();
        Assert.Equal(3, fills.Count);
        var prices = fills.Select(f => decimal.Parse(f.GetProperty("price").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([60003m, 60009m, 60015m], prices);
        var quote = fills.Sum(f => decimal.Parse(f.GetProperty("price").GetString()!, CultureInfo.InvariantCulture) * decimal.Parse(f.GetProperty("qty").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(quote, answer.Dec("cummulativeQuoteQty"));
        Assert.All(fills, f => Assert.Equal("BTC", f.GetProperty("commissionAsset").GetString()));
        var commission = fills.Sum(f => decimal.Parse(f.GetProperty("commission").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(0.00005m, commission);
        Assert.Equal(new FakeBalance("BTC", 0.05m - commission, 0m), _fake.Balance("BTC"));
        Assert.Equal(10000m - quote, _fake.Balance("USDT").Free);

        var order = Assert.Single(_fake.Orders);
        Assert.Equal(("mkt-buy-1", "BTCUSDT", "BUY", "MARKET", 0.05m, "FILLED", 3), (order.ClientOrderId, order.Symbol, order.Side, order.Type, order.Quantity, order.Status, order.Fills.Count));
        var trades = await Signed(HttpMethod.Get, "/api/v3/myTrades", "symbol=BTCUSDT");
        Assert.Equal(3, trades.Json.GetArrayLength());
        var trade = trades.Json[0];
        Assert.True(trade.GetProperty("isBuyer").GetBoolean());
        Assert.False(trade.GetProperty("isMaker").GetBoolean());
        Assert.Equal(order.OrderId, trade.GetProperty("orderId").GetInt64());
        Assert.Equal(fills[0].GetProperty("tradeId").GetInt64(), trade.GetProperty("id").GetInt64());
        Assert.Equal("BTC", trade.GetProperty("commissionAsset").GetString());
    }

    [Fact]
    public async Task MarketSell_CommissionInQuote()
    {
        var answer = await Market("SELL", "ETHUSDT", "0.3000", "mkt-sell-1");

        var fill = Assert.Single(answer.Json.GetProperty("fills").EnumerateArray());
        Assert.Equal("2999.85000000", fill.GetProperty("price").GetString());
        Assert.Equal("USDT", fill.GetProperty("commissionAsset").GetString());
        Assert.Equal(2999.85m * 0.3m * 0.001m, decimal.Parse(fill.GetProperty("commission").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MarketBuy_ByQuoteOrderQty_SpendsAtMostThat()
    {
        var answer = await Order("symbol=ETHUSDT&side=BUY&type=MARKET&quoteOrderQty=100&newClientOrderId=quote-1");

        Assert.Equal("FILLED", answer.Str("status"));
        Assert.Equal("100.00000000", answer.Str("origQuoteOrderQty"));
        Assert.InRange(answer.Dec("cummulativeQuoteQty"), 99.5m, 100m);
        Assert.Equal(0m, answer.Dec("executedQty") % 0.0001m);
    }

    [Fact]
    public async Task ResponseTypes_AckAndResult()
    {
        var ack = await Order("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.01&newOrderRespType=ACK");
        var result = await Order("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.01&newOrderRespType=RESULT");

        Assert.Equal(["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"], ack.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("FILLED", result.Str("status"));
        Assert.False(result.Json.TryGetProperty("fills", out _));
    }

    [Fact]
    public async Task LimitBuy_BelowAsk_RestsNew_LocksQuote_ThenCancel()
    {
        _fake.SetBalance("USDT", 1000m);

        var placed = await Limit("BUY", "ETHUSDT", "0.1000", "2900.00", "rest-1");
        var open = await Signed(HttpMethod.Get, "/api/v3/openOrders", "symbol=ETHUSDT");
        var lockedWhileOpen = _fake.Balance("USDT");
        var cancel = await Signed(HttpMethod.Delete, "/api/v3/order", "symbol=ETHUSDT&origClientOrderId=rest-1");
        var again = await Signed(HttpMethod.Delete, "/api/v3/order", "symbol=ETHUSDT&origClientOrderId=rest-1");
        var lookup = await Lookup("ETHUSDT", "rest-1");

        Assert.Equal("NEW", placed.Str("status"));
        Assert.Empty(placed.Json.GetProperty("fills").EnumerateArray());
        Assert.Equal("rest-1", Assert.Single(open.Json.EnumerateArray()).GetProperty("clientOrderId").GetString());
        Assert.Equal(new FakeBalance("USDT", 710m, 290m), lockedWhileOpen);
        Assert.Equal("CANCELED", cancel.Str("status"));
        Assert.Equal("rest-1", cancel.Str("origClientOrderId"));
        Assert.Equal(new FakeBalance("USDT", 1000m, 0m), _fake.Balance("USDT"));
        AssertError(again, HttpStatusCode.BadRequest, -2011, "Unknown order sent.");
        Assert.Equal("CANCELED", lookup.Str("status"));
    }

    [Fact]
    public async Task LimitBuy_Marketable_FillsWhatCrosses_RestsRemainder_FillsAsMakerWhenMidMoves()
    {
        // ETHUSDT at 3000: asks 3000.15 (0.3333), 3000.45 (0.6665), 3000.75, ...
        var placed = await Limit("BUY", "ETHUSDT", "2.0000", "3000.45", "cross-1");

        Assert.Equal("PARTIALLY_FILLED", placed.Str("status"));
        Assert.Equal(2, placed.Json.GetProperty("fills").GetArrayLength());
        Assert.Equal(0.9998m, placed.Dec("executedQty"));

        _fake.SetMid("ETHUSDT", 2990m);
        var lookup = await Signed(HttpMethod.Get, "/api/v3/order", $"symbol=ETHUSDT&orderId={placed.Json.GetProperty("orderId").GetInt64()}");

        Assert.Equal("FILLED", lookup.Str("status"));
        Assert.Equal("2.00000000", lookup.Str("executedQty"));
        var order = Assert.Single(_fake.Orders);
        Assert.True(order.Fills[^1].IsMaker);
        Assert.Equal(3000.45m, order.Fills[^1].Price);
        Assert.Equal(0m, _fake.Balance("USDT").Locked);
    }

    [Fact]
    public async Task LimitIocAndFok_ExpireWhatCannotFillNow_AndReleaseTheReserve()
    {
        // ETHUSDT asks: 3000.15 (0.3333), 3000.45 (0.6665), ...
        var ioc = await Limit("BUY", "ETHUSDT", "1.0000", "3000.15", "ioc-1", tif: "IOC");
        var fok = await Limit("BUY", "ETHUSDT", "1.0000", "3000.15", "fok-1", tif: "FOK");

        Assert.Equal("EXPIRED", ioc.Str("status"));
        Assert.Equal("0.33330000", ioc.Str("executedQty"));
        Assert.Equal("EXPIRED", fok.Str("status"));
        Assert.Equal("0.00000000", fok.Str("executedQty"));
        Assert.Empty(fok.Json.GetProperty("fills").EnumerateArray());
        Assert.Equal(0m, _fake.Balance("USDT").Locked);
    }

    [Fact]
    public async Task OrdersWithoutClientOrderId_GetGeneratedUniqueIds_AndAllOrdersListsThem()
    {
        var answers = new List<Answer>();
        for (var i = 0; i < 40; i++) answers.Add(await Order("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.0100&newOrderRespType=ACK"));
        var all = await Signed(HttpMethod.Get, "/api/v3/allOrders", "symbol=ETHUSDT");

        var ids = answers.Select(a => a.Str("clientOrderId")).ToList();
        Assert.Equal(40, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id.Length, 1, 36));
        Assert.Equal(ids, all.Json.EnumerateArray().Select(o => o.GetProperty("clientOrderId").GetString()));
    }

    [Fact]
    public async Task Lookup_UnknownOrder_Code2013_AndCancelUnknown_Code2011()
    {
        var lookup = await Lookup("BTCUSDT", "never-sent");
        var byId = await Signed(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&orderId=999999");
        var cancel = await Signed(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=never-sent");
        var neither = await Signed(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT");

        AssertError(lookup, HttpStatusCode.BadRequest, -2013, "Order does not exist.");
        AssertError(byId, HttpStatusCode.BadRequest, -2013);
        AssertError(cancel, HttpStatusCode.BadRequest, -2011, "Unknown order sent.");
        AssertError(neither, HttpStatusCode.BadRequest, -1102);
    }

    [Fact]
    public async Task Lookup_ByClientOrderId_ShowsTheFilledOrder()
    {
        var placed = await Market("BUY", "BTCUSDT", "0.001", "look-1");

        var lookup = await Lookup("BTCUSDT", "look-1");

        Assert.Equal(placed.Json.GetProperty("orderId").GetInt64(), lookup.Json.GetProperty("orderId").GetInt64());
        Assert.Equal("FILLED", lookup.Str("status"));
        Assert.Equal("0.00100000", lookup.Str("executedQty"));
        Assert.Equal(placed.Str("cummulativeQuoteQty"), lookup.Str("cummulativeQuoteQty"));
        Assert.True(lookup.Json.GetProperty("time").GetInt64() > 0);
    }

    [Fact]
    public async Task DuplicateClientOrderId_Rejected2010_EvenAfterTheFirstFilled()
    {
        var first = await Market("BUY", "BTCUSDT", "0.001", "dup-1");
        var second = await Market("BUY", "BTCUSDT", "0.001", "dup-1");
        var otherSymbol = await Market("BUY", "ETHUSDT", "0.01", "dup-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        AssertError(second, HttpStatusCode.BadRequest, -2010, "Duplicate order sent.");
        AssertError(otherSymbol, HttpStatusCode.BadRequest, -2010, "Duplicate order sent.");
        Assert.Single(_fake.Orders);
        Assert.Equal(3, _fake.OrderRequestCount);
    }

    [Fact]
    public async Task DuplicateClientOrderId_OpenOrdersScope_ReusableOnceTheFirstIsDone()
    {
        _fake.ClientOrderIdScope = ClientOrderIdScope.OpenOrders;

        await Limit("BUY", "ETHUSDT", "0.1000", "2900.00", "reuse-1");
        var whileOpen = await Limit("BUY", "ETHUSDT", "0.1000", "2900.00", "reuse-1");
        await Signed(HttpMethod.Delete, "/api/v3/order", "symbol=ETHUSDT&origClientOrderId=reuse-1");
        var afterCancel = await Limit("BUY", "ETHUSDT", "0.1000", "2900.00", "reuse-1");

        AssertError(whileOpen, HttpStatusCode.BadRequest, -2010, "Duplicate order sent.");
        Assert.Equal("NEW", afterCancel.Str("status"));
        Assert.Equal(2, _fake.Orders.Count);
    }

    [Fact]
    public async Task DuplicateClientOrderId_ConcurrentSends_ExactlyOneAccepted()
    {
        var sends = Enumerable.Range(0, 16).Select(_ => Market("BUY", "BTCUSDT", "0.001", "race-1")).ToList();
        var answers = await Task.WhenAll(sends);

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(15, answers.Count(a => a.Status == HttpStatusCode.BadRequest && a.Code == -2010));
        Assert.Single(_fake.Orders);
        Assert.Equal(16, _fake.OrderRequestCount);
    }

    [Theory]
    [InlineData("type=LIMIT&timeInForce=GTC&quantity=0.001&price=60000.005", "PRICE_FILTER")]
    [InlineData("type=LIMIT&timeInForce=GTC&quantity=0.000015&price=60000", "LOT_SIZE")]
    [InlineData("type=LIMIT&timeInForce=GTC&quantity=9001&price=60000", "LOT_SIZE")]
    [InlineData("type=MARKET&quantity=0.000001", "LOT_SIZE")]
    [InlineData("type=MARKET&quantity=100.5", "MARKET_LOT_SIZE")]
    [InlineData("type=LIMIT&timeInForce=GTC&quantity=0.00005&price=60000", "NOTIONAL")]
    [InlineData("type=MARKET&quantity=0.00005", "NOTIONAL")]
    [InlineData("type=LIMIT&timeInForce=GTC&quantity=0.001&price=400000", "PERCENT_PRICE_BY_SIDE")]
    [InlineData("type=LIMIT&timeInForce=GTC&quantity=0.001&price=1000001", "PRICE_FILTER")]
    public async Task Filters_Broken_Rejected1013_NamingTheFilter(string order, string filter)
    {
        var answer = await Order($"symbol=BTCUSDT&side=BUY&{order}");

        AssertError(answer, HttpStatusCode.BadRequest, -1013, $"Filter failure: {filter}");
        Assert.Empty(_fake.Orders);
    }

    [Fact]
    public async Task InsufficientBalance_Rejected2010()
    {
        _fake.SetBalance("USDT", 10m);
        _fake.SetBalance("ETH", 0m);

        var buy = await Market("BUY", "BTCUSDT", "0.001", "poor-1");
        var sell = await Limit("SELL", "ETHUSDT", "0.0100", "3100.00", "poor-2");

        AssertError(buy, HttpStatusCode.BadRequest, -2010, "Account has insufficient balance for requested action.");
        AssertError(sell, HttpStatusCode.BadRequest, -2010, "Account has insufficient balance for requested action.");
        Assert.Empty(_fake.Orders);
    }

    [Fact]
    public async Task MalformedOrders_RejectedWithBinanceCodes()
    {
        var noTif = await Order("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=60000");
        var marketWithPrice = await Order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&price=60000");
        var badQty = await Order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1e-3");
        var longId = await Order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=" + new string('x', 37));
        var unknown = await Order("symbol=DOGEUSDT&side=BUY&type=MARKET&quantity=1");
        var duplicateParam = await Order("symbol=BTCUSDT&side=BUY&side=SELL&type=MARKET&quantity=0.001");

        AssertError(noTif, HttpStatusCode.BadRequest, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
        AssertError(marketWithPrice, HttpStatusCode.BadRequest, -1106, "Parameter 'price' sent when not required.");
        AssertError(badQty, HttpStatusCode.BadRequest, -1100);
        AssertError(longId, HttpStatusCode.BadRequest, -1100);
        AssertError(unknown, HttpStatusCode.BadRequest, -1121, "Invalid symbol.");
        AssertError(duplicateParam, HttpStatusCode.BadRequest, -1101);
        Assert.Empty(_fake.Orders);
    }

    [Fact]
    public async Task TestOrder_ValidatesButPlacesNothing()
    {
        var ok = await Signed(HttpMethod.Post, "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
        var bad = await Signed(HttpMethod.Post, "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.000015");

        Assert.Equal("{}", ok.Json.GetRawText());
        AssertError(bad, HttpStatusCode.BadRequest, -1013, "Filter failure: LOT_SIZE");
        Assert.Empty(_fake.Orders);
        Assert.Equal(0, _fake.OrderRequestCount);
    }

    [Fact]
    public async Task Account_BalancesAndCommissionRatesAsStrings()
    {
        _fake.SetBalance("USDT", 1234.5m);

        var account = await Signed(HttpMethod.Get, "/api/v3/account", "omitZeroBalances=true");

        var rates = account.Json.GetProperty("commissionRates");
        Assert.Equal("0.00100000", rates.GetProperty("maker").GetString());
        Assert.Equal("0.00100000", rates.GetProperty("taker").GetString());
        Assert.Equal("0.00000000", rates.GetProperty("buyer").GetString());
        Assert.Equal("0.00000000", rates.GetProperty("seller").GetString());
        var usdt = account.Json.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset").GetString() == "USDT");
        Assert.Equal("1234.50000000", usdt.GetProperty("free").GetString());
        Assert.Equal("0.00000000", usdt.GetProperty("locked").GetString());
        Assert.True(account.Json.GetProperty("canTrade").GetBoolean());
    }

    // ---- headers and counters ------------------------------------------------------------------------------

    [Fact]
    public async Task EveryResponse_CarriesUsedWeight_Rising()
    {
        var first = await Public("/api/v3/ping");
        var second = await Public("/api/v3/exchangeInfo");
        var error = await Signed(HttpMethod.Get, "/api/v3/account", "", key: "nope");

        var w1 = int.Parse(first.Header("X-MBX-USED-WEIGHT-1M"), CultureInfo.InvariantCulture);
        var w2 = int.Parse(second.Header("X-MBX-USED-WEIGHT-1M"), CultureInfo.InvariantCulture);
        var w3 = int.Parse(error.Header("X-MBX-USED-WEIGHT-1M"), CultureInfo.InvariantCulture);
        Assert.Equal(second.Header("X-MBX-USED-WEIGHT"), second.Header("X-MBX-USED-WEIGHT-1M"));
        Assert.True(w2 > w1 && w3 > w2 || w2 < w1, $"{w1} {w2} {w3}"); // rises, unless the minute just rolled over
    }

    [Fact]
    public async Task SuccessfulOrder_CarriesOrderCountHeaders()
    {
        var answer = await Market("BUY", "BTCUSDT", "0.001", "count-1");

        Assert.Equal("1", answer.Header("X-MBX-ORDER-COUNT-10S"));
        Assert.Equal("1", answer.Header("X-MBX-ORDER-COUNT-1D"));
    }

    [Fact]
    public async Task RequestCounts_PerEndpoint_AndRawRequestsLogged()
    {
        await Public("/api/v3/ping");
        await Public("/api/v3/ping");
        await Market("BUY", "BTCUSDT", "0.001", "log-1");
        await Lookup("BTCUSDT", "log-1");

        Assert.Equal(2, _fake.RequestCount("GET", "/api/v3/ping"));
        Assert.Equal(1, _fake.RequestCount("POST", "/api/v3/order"));
        Assert.Equal(1, _fake.RequestCounts["GET /api/v3/order"]);
        Assert.Equal(4, _fake.Requests.Count);
        Assert.Contains("newClientOrderId=log-1", _fake.Requests[2].Query);
        Assert.Equal(Key, _fake.Requests[2].ApiKey);
        Assert.DoesNotContain(_fake.Requests, r => r.Query.Contains(Secret) || r.Body.Contains(Secret));
    }

    [Fact]
    public void BaseUrl_IsLoopbackOnly()
    {
        Assert.StartsWith("http://127.0.0.1:", _fake.BaseUrl);
        Assert.InRange(_fake.Port, 1, 65535);
    }

    // ---- faults --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Fault_Unavailable503_NotPlaced_ThenNextRequestWorks()
    {
        _fake.InjectOrderFault(new FakeFault.Unavailable503());

        var faulted = await Market("BUY", "BTCUSDT", "0.001", "f503-1");
        var lookup = await Lookup("BTCUSDT", "f503-1");
        var retried = await Market("BUY", "BTCUSDT", "0.001", "f503-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
        AssertError(lookup, HttpStatusCode.BadRequest, -2013);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Single(_fake.Orders);
        Assert.Equal(2, _fake.OrderRequestCount);
    }

    [Fact]
    public async Task Fault_TimeoutAfterPlacing_ClientTimesOut_OrderPlaced()
    {
        _fake.InjectOrderFault(new FakeFault.TimeoutAfterPlacing(TimeSpan.FromSeconds(10)));
        using var impatient = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl), Timeout = TimeSpan.FromMilliseconds(700) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            Signed(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=ftime-1", http: impatient));
        var lookup = await Lookup("BTCUSDT", "ftime-1");

        Assert.Equal("FILLED", lookup.Str("status"));
        Assert.Equal("ftime-1", Assert.Single(_fake.Orders).ClientOrderId);
    }

    [Fact]
    public async Task Fault_TimeoutAfterPlacing_DroppedConnection_OrderPlaced()
    {
        _fake.InjectOrderFault(new FakeFault.TimeoutAfterPlacing(TimeSpan.Zero, DropConnection: true));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => Market("BUY", "BTCUSDT", "0.001", "fdrop-1"));

        Assert.IsAssignableFrom<IOException>(e.InnerException);

        Assert.Equal("fdrop-1", Assert.Single(_fake.Orders).ClientOrderId);
    }

    [Fact]
    public async Task Fault_DroppedConnection_OnAReusedConnection_HttpClientDoesNotResendThePost()
    {
        // SocketsHttpHandler retries some requests that fail on a pooled connection; a reset after the
        // request arrived must not become a second order.
        await Public("/api/v3/ping");
        await Public("/api/v3/ping");
        _fake.InjectOrderFault(new FakeFault.TimeoutAfterPlacing(TimeSpan.Zero, DropConnection: true));

        await Assert.ThrowsAsync<HttpRequestException>(() => Market("BUY", "BTCUSDT", "0.001", "fdrop-2"));

        Assert.Equal(1, _fake.OrderRequestCount);
        Assert.Single(_fake.Orders);
    }

    [Fact]
    public async Task Fault_TimeoutAfterPlacing_LateAnswerStillWritten()
    {
        _fake.InjectOrderFault(new FakeFault.TimeoutAfterPlacing(TimeSpan.FromMilliseconds(300)));
        var started = DateTimeOffset.UtcNow;

        var answer = await Market("BUY", "BTCUSDT", "0.001", "flate-1");

        Assert.Equal("FILLED", answer.Str("status"));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Fault_Error500AfterPlacing_OrderPlaced()
    {
        _fake.InjectOrderFault(new FakeFault.Error500AfterPlacing());

        var answer = await Market("BUY", "BTCUSDT", "0.001", "f500-1");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("f500-1", Assert.Single(_fake.Orders).ClientOrderId);
    }

    [Fact]
    public async Task Fault_UnknownStatus1007_Http503_OrderPlaced()
    {
        _fake.InjectOrderFault(new FakeFault.UnknownStatus1007AfterPlacing());

        var answer = await Market("BUY", "BTCUSDT", "0.001", "f1007-1");
        var lookup = await Lookup("BTCUSDT", "f1007-1");

        AssertError(answer, HttpStatusCode.ServiceUnavailable, -1007,
            "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
        Assert.Equal("FILLED", lookup.Str("status"));
        Assert.Single(_fake.Orders);
    }

    [Fact]
    public async Task Fault_RateLimited429_RetryAfter_NotPlaced()
    {
        _fake.InjectOrderFault(new FakeFault.RateLimited429(7));

        var answer = await Market("BUY", "BTCUSDT", "0.001", "f429-1");

        AssertError(answer, (HttpStatusCode)429, -1003);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.Message.Headers.RetryAfter?.Delta);
        Assert.Empty(_fake.Orders);
        Assert.Equal(1, _fake.OrderRequestCount);
    }

    [Fact]
    public async Task Fault_Banned418_RetryAfter_NotPlaced_AndEnforcedBanBlocksEverything()
    {
        _fake.InjectOrderFault(new FakeFault.Banned418(3));
        var once = await Market("BUY", "BTCUSDT", "0.001", "f418-1");
        var afterOneShot = await Public("/api/v3/ping");

        _fake.InjectOrderFault(new FakeFault.Banned418(2, EnforceBan: true));
        var banned = await Market("BUY", "BTCUSDT", "0.001", "f418-2");
        var pingDuringBan = await Public("/api/v3/ping");

        AssertError(once, (HttpStatusCode)418, -1003);
        Assert.Equal(TimeSpan.FromSeconds(3), once.Message.Headers.RetryAfter?.Delta);
        Assert.Contains("IP banned until", once.Msg);
        Assert.Equal(HttpStatusCode.OK, afterOneShot.Status);
        Assert.Equal((HttpStatusCode)418, banned.Status);
        Assert.Equal((HttpStatusCode)418, pingDuringBan.Status);
        Assert.Empty(_fake.Orders);

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(HttpStatusCode.OK, (await Public("/api/v3/ping")).Status);
    }

    [Fact]
    public async Task LookupFaults_ApplyToOrderQueries_OneAtATime()
    {
        await Market("BUY", "BTCUSDT", "0.001", "lf-1");
        _fake.InjectLookupFault(new FakeFault.Unavailable503());
        _fake.InjectLookupFault(new FakeFault.RateLimited429(1));

        var first = await Lookup("BTCUSDT", "lf-1");
        var second = await Lookup("BTCUSDT", "lf-1");
        var third = await Lookup("BTCUSDT", "lf-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal((HttpStatusCode)429, second.Status);
        Assert.Equal("FILLED", third.Str("status"));
        Assert.Equal(0, _fake.PendingFaults);
    }

    [Fact]
    public async Task Faults_CanTargetAnyEndpoint()
    {
        _fake.InjectFault("GET", "/api/v3/time", new FakeFault.Error500AfterPlacing());

        var faulted = await Public("/api/v3/time");
        var next = await Public("/api/v3/time");

        Assert.Equal(HttpStatusCode.InternalServerError, faulted.Status);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Fault_UnknownStatus1007_OtherHttpStatus()
    {
        _fake.InjectOrderFault(new FakeFault.UnknownStatus1007AfterPlacing(HttpStatus: 408));

        var answer = await Market("BUY", "BTCUSDT", "0.001", "f1007-2");

        AssertError(answer, HttpStatusCode.RequestTimeout, -1007);
        Assert.Single(_fake.Orders);
    }

    [Fact]
    public async Task AfterOrderPlaced_RunsAfterRecording_BeforeTheAnswer()
    {
        var release = new TaskCompletionSource();
        var seen = new TaskCompletionSource<FakeOrder>();
        _fake.AfterOrderPlaced = order =>
        {
            seen.TrySetResult(order);
            return release.Task;
        };

        var send = Market("BUY", "BTCUSDT", "0.001", "hook-1");
        var order = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);

        Assert.Equal("hook-1", order.ClientOrderId);
        Assert.Equal("FILLED", order.Status);
        Assert.Single(_fake.Orders);
        Assert.False(send.IsCompleted);
        release.SetResult();
        Assert.Equal("FILLED", (await send).Str("status"));
    }

    [Fact]
    public async Task Dispose_CutsShortAWithheldAnswer()
    {
        var fake = new FakeBinanceExchange(Key, Secret);
        fake.InjectOrderFault(new FakeFault.TimeoutAfterPlacing());
        using var http = new HttpClient { BaseAddress = new Uri(fake.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        var send = http.SendAsync(SignedMessage(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001"));
        for (var i = 0; i < 100 && fake.Orders.Count == 0; i++) await Task.Delay(50);
        Assert.Single(fake.Orders);
        var started = DateTimeOffset.UtcNow;

        fake.Dispose();

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(4));
        Assert.Empty(fake.ServerErrors);
        await Assert.ThrowsAsync<HttpRequestException>(() => send);
    }
}
