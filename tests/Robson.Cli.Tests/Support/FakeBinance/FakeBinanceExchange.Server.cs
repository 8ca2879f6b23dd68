using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>The HTTP side: listener on 127.0.0.1, routing, signed-request checks, faults, weight headers.</summary>
public sealed partial class FakeBinanceExchange
{
    private const string PlaceOrderEndpoint = "POST /api/v3/order";

    /// <summary>An endpoint: whether it is SIGNED, its request weight and its handler (run under the lock).</summary>
    private sealed record Route(bool Signed, Func<BinanceRequest, int> Weight, Func<BinanceRequest, Handled> Handle);

    /// <summary>A handler's answer; <see cref="Placed"/> is set when a new order was recorded.</summary>
    private sealed record Handled(int Status, string Body, OrderState? Placed = null);

    private readonly Dictionary<string, Route> _routes;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentDictionary<Task, byte> _inflight = new();
    private int _disposed;
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;
    private long _weightMinute;
    private int _weight;
    private readonly List<DateTimeOffset> _placedAt = [];

    private Dictionary<string, Route> BuildRoutes() => new(StringComparer.Ordinal)
    {
        ["GET /api/v3/ping"] = new(false, _ => 1, _ => Ok("{}")),
        ["GET /api/v3/time"] = new(false, _ => 1, Time),
        ["GET /api/v3/exchangeInfo"] = new(false, _ => 20, ExchangeInfo),
        ["GET /api/v3/ticker/price"] = new(false, r => r.Has("symbol") ? 2 : 4, TickerPrice),
        ["GET /api/v3/ticker/bookTicker"] = new(false, r => r.Has("symbol") ? 2 : 4, BookTicker),
        ["GET /api/v3/depth"] = new(false, DepthWeight, Depth),
        ["POST /api/v3/order"] = new(true, _ => 1, r => PlaceOrder(r, test: false)),
        ["POST /api/v3/order/test"] = new(true, _ => 1, r => PlaceOrder(r, test: true)),
        ["GET /api/v3/order"] = new(true, _ => 4, QueryOrder),
        ["DELETE /api/v3/order"] = new(true, _ => 1, CancelOrder),
        ["POST /api/v3/orderList/oco"] = new(true, _ => 1, PlaceOco),
        ["GET /api/v3/orderList"] = new(true, _ => 4, QueryOrderList),
        ["DELETE /api/v3/orderList"] = new(true, _ => 1, CancelOrderList),
        ["GET /api/v3/openOrders"] = new(true, r => r.Has("symbol") ? 6 : 80, OpenOrders),
        ["GET /api/v3/allOrders"] = new(true, _ => 20, AllOrders),
        ["GET /api/v3/account"] = new(true, _ => 20, Account),
        ["GET /api/v3/myTrades"] = new(true, r => r.Has("orderId") ? 5 : 20, MyTrades),
    };

    private static Handled Ok(string body) => new(200, body);

    private static (HttpListener, int) StartListener()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            var task = Task.Run(() => HandleAsync(context));
            _inflight[task] = 0;
            _ = task.ContinueWith(t => _inflight.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                body = await reader.ReadToEndAsync(_stop.Token);
            var request = new BinanceRequest(context.Request.HttpMethod.ToUpperInvariant(), context.Request.RawUrl ?? "/", body,
                context.Request.Headers["X-MBX-APIKEY"], context.Request.ContentType);
            var endpoint = $"{request.Method} {request.Path}";

            Route? route;
            FakeFault? fault = null;
            int weight;
            TimeSpan? banLeft = null;
            lock (_gate)
            {
                _requests.Add(new FakeRequest(_requests.Count + 1, DateTimeOffset.UtcNow, request.Method, request.Path, request.RawQuery, body, request.ApiKey));
                _requestCounts[endpoint] = _requestCounts.GetValueOrDefault(endpoint) + 1;
                if (endpoint == PlaceOrderEndpoint) _orderRequestCount++;
                _routes.TryGetValue(endpoint, out route);
                weight = AddWeight(route is null ? 1 : SafeWeight(route, request));
                if (_bannedUntil > DateTimeOffset.UtcNow) banLeft = _bannedUntil - DateTimeOffset.UtcNow;
                else if (_faults.TryGetValue(endpoint, out var queue) && queue.Count > 0) fault = queue.Dequeue();
            }

            if (route is null)
            {
                await WriteAsync(response, 404, BinanceJson.Error(-1000, "Not found."), weight);
                return;
            }
            if (banLeft is { } left)
            {
                await WriteBannedAsync(response, (int)Math.Ceiling(left.TotalSeconds), weight);
                return;
            }
            if (fault is { AfterProcessing: false })
            {
                await WriteFaultBeforeProcessingAsync(response, fault, weight);
                return;
            }

            Handled handled;
            try
            {
                if (route.Signed) Authenticate(request);
                if (fault is FakeFault.ReachesEngineLate late)
                {
                    await Task.Delay(late.Delay, _stop.Token);
                    lock (_gate)
                    {
                        if (EngineWindowPassed(request)) _refusedByEngine++;
                        else route.Handle(request);
                    }
                    await WriteAsync(response, 503, BinanceJson.Error(-1007,
                        "Timeout waiting for response from backend server. Send status unknown; execution status unknown."), weight);
                    return;
                }
                lock (_gate) handled = route.Handle(request);
            }
            catch (BinanceError error)
            {
                handled = new Handled(error.HttpStatus, BinanceJson.Error(error.Code, error.Message));
            }

            var extraHeaders = new List<(string, string)>();
            if (handled.Placed is { } placed)
            {
                Func<FakeOrder, Task>? hook;
                FakeOrder snapshot;
                lock (_gate)
                {
                    hook = _afterOrderPlaced;
                    snapshot = placed.Snapshot();
                    var now = DateTimeOffset.UtcNow;
                    _placedAt.Add(now);
                    extraHeaders.Add(("X-MBX-ORDER-COUNT-10S", _placedAt.Count(t => now - t < TimeSpan.FromSeconds(10)).ToString(CultureInfo.InvariantCulture)));
                    extraHeaders.Add(("X-MBX-ORDER-COUNT-1D", _placedAt.Count(t => t.UtcDateTime.Date == now.UtcDateTime.Date).ToString(CultureInfo.InvariantCulture)));
                }
                if (hook is not null) await hook(snapshot);
            }

            switch (fault)
            {
                case FakeFault.TimeoutAfterPlacing timeout:
                    try
                    {
                        await Task.Delay(timeout.EffectiveDelay, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        DropConnection(context);
                        return;
                    }
                    if (timeout.DropConnection)
                    {
                        DropConnection(context);
                        return;
                    }
                    await WriteAsync(response, handled.Status, handled.Body, weight, extraHeaders);
                    return;
                case FakeFault.Error500AfterPlacing error500:
                    await WriteAsync(response, 500, error500.Body ?? BinanceJson.Error(-1000, "An unknown error occurred while processing the request."), weight);
                    return;
                case FakeFault.ErrorAnswer error:
                    await WriteAsync(response, error.HttpStatus, BinanceJson.Error(error.Code, error.Message), weight);
                    return;
                case FakeFault.UnknownStatus1007AfterPlacing unknown:
                    await WriteAsync(response, unknown.HttpStatus,
                        BinanceJson.Error(-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown."), weight);
                    return;
                default:
                    await WriteAsync(response, handled.Status, handled.Body, weight, extraHeaders);
                    return;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (timed out, was killed) or the fake is stopping: nothing to answer.
            TryAbort(response);
        }
        catch (Exception e)
        {
            lock (_gate) _serverErrors.Add(e);
            try
            {
                await WriteAsync(response, 500, BinanceJson.Error(-1000, "An unknown error occurred while processing the request."), 0);
            }
            catch (Exception)
            {
                TryAbort(response);
            }
        }
    }

    private static int SafeWeight(Route route, BinanceRequest request)
    {
        try
        {
            return route.Weight(request);
        }
        catch (BinanceError)
        {
            return 1;
        }
    }

    private static int DepthWeight(BinanceRequest r) => (r.Int("limit") ?? 100) switch
    {
        <= 100 => 5,
        <= 500 => 25,
        <= 1000 => 50,
        _ => 250,
    };

    /// <summary>Adds a request's weight to the current minute's and returns the minute's total.</summary>
    private int AddWeight(int weight)
    {
        var minute = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;
        if (minute != _weightMinute)
        {
            _weightMinute = minute;
            _weight = 0;
        }
        _weight += weight;
        return _weight;
    }

    /// <summary>Request weight used in the current minute (the X-MBX-USED-WEIGHT-1M header).</summary>
    public int UsedWeight1M
    {
        get
        {
            lock (_gate) return _weightMinute == DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 ? _weight : 0;
        }
    }

    /// <summary>Binance's SIGNED checks: API key, mandatory timestamp and signature, recvWindow ≤ 60000, HMAC, timing.</summary>
    private void Authenticate(BinanceRequest r)
    {
        if (r.ApiKey is null || r.ApiKey != _apiKey) throw BinanceError.InvalidApiKey();
        r.RejectDuplicates();
        var timestamp = r.Long("timestamp") ?? throw BinanceError.Mandatory("timestamp");
        var recvWindow = r.Decimal("recvWindow") ?? 5000m;
        if (recvWindow > 60000m)
            throw new BinanceError(400, -1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
        var signature = r.Optional("signature") ?? throw BinanceError.Mandatory("signature");
        if (!HmacSignature.Verify(_apiSecret, HmacSignature.Payload(r.RawQuery, r.RawBody), signature))
            throw BinanceError.InvalidSignature();

        // Timestamps may be in milliseconds or microseconds.
        var timestampMs = timestamp >= 100_000_000_000_000 ? timestamp / 1000m : timestamp;
        decimal serverMs;
        lock (_gate) serverMs = ServerNow().ToUnixTimeMilliseconds();
        if (timestampMs >= serverMs + 1000)
            throw new BinanceError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        if (serverMs - timestampMs > recvWindow)
            throw new BinanceError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
    }

    /// <summary>The matching engine's second look at timing: the request's timestamp + recvWindow has passed by the server's clock.</summary>
    private bool EngineWindowPassed(BinanceRequest r)
    {
        var timestamp = r.Long("timestamp") ?? 0;
        var timestampMs = timestamp >= 100_000_000_000_000 ? timestamp / 1000m : timestamp;
        return ServerNow().ToUnixTimeMilliseconds() - timestampMs > (r.Decimal("recvWindow") ?? 5000m);
    }

    private async Task WriteFaultBeforeProcessingAsync(HttpListenerResponse response, FakeFault fault, int weight)
    {
        switch (fault)
        {
            case FakeFault.Unavailable503 unavailable:
                await WriteAsync(response, 503,
                    unavailable.Body ?? BinanceJson.Error(-1008, "Server is currently overloaded with other requests. Please try again in a few minutes."), weight);
                return;
            case FakeFault.ErrorAnswer error:
                await WriteAsync(response, error.HttpStatus, BinanceJson.Error(error.Code, error.Message), weight);
                return;
            case FakeFault.TimestampRejected1021:
                await WriteAsync(response, 400, BinanceJson.Error(-1021, "Timestamp for this request is outside of the recvWindow."), weight);
                return;
            case FakeFault.RateLimited429 limited:
                await WriteAsync(response, 429,
                    BinanceJson.Error(-1003, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."),
                    weight, [("Retry-After", limited.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))]);
                return;
            case FakeFault.Banned418 banned:
                if (banned.EnforceBan)
                    lock (_gate) _bannedUntil = DateTimeOffset.UtcNow.AddSeconds(banned.RetryAfterSeconds);
                await WriteBannedAsync(response, banned.RetryAfterSeconds, weight);
                return;
            default:
                throw new InvalidOperationException($"{fault} is not a fault before processing");
        }
    }

    private Task WriteBannedAsync(HttpListenerResponse response, int retryAfterSeconds, int weight)
    {
        long until;
        lock (_gate) until = ServerNow().AddSeconds(retryAfterSeconds).ToUnixTimeMilliseconds();
        return WriteAsync(response, 418,
            BinanceJson.Error(-1003, $"Way too much request weight used; IP banned until {until}. Please use WebSocket Streams for live updates to avoid bans."),
            weight, [("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))]);
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body, int weight, IEnumerable<(string Name, string Value)>? headers = null)
    {
        response.StatusCode = status;
        response.StatusDescription = status switch
        {
            200 => "OK",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            408 => "Request Timeout",
            418 => "I'm a teapot",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Status " + status.ToString(CultureInfo.InvariantCulture),
        };
        response.ContentType = "application/json;charset=UTF-8";
        var used = weight.ToString(CultureInfo.InvariantCulture);
        response.AddHeader("X-MBX-USED-WEIGHT", used);
        response.AddHeader("X-MBX-USED-WEIGHT-1M", used);
        foreach (var (name, value) in headers ?? []) response.AddHeader(name, value);
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>
    /// Ends the exchange without any answer: resets the TCP connection. HttpListener's own Abort() still
    /// writes an empty 200 on Linux, so the socket is reached through the managed listener's connection;
    /// failing that, headers promising a long body are sent and the connection closed after one byte.
    /// </summary>
    private static void DropConnection(HttpListenerContext context)
    {
        try
        {
            const BindingFlags flags = BindingFlags.NonPublic | BindingFlags.Instance;
            var connection = typeof(HttpListenerContext).GetProperty("Connection", flags)?.GetValue(context);
            if (connection?.GetType().GetField("_socket", flags)?.GetValue(connection) is Socket socket)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                TryAbort(context.Response);
                return;
            }
        }
        catch (Exception)
        {
            // Fall through to the truncated answer.
        }
        try
        {
            var response = context.Response;
            response.StatusCode = 502;
            response.ContentLength64 = 1 << 20;
            response.OutputStream.Write("{"u8);
            response.OutputStream.Flush();
        }
        catch (Exception)
        {
            // The connection is gone already.
        }
        TryAbort(context.Response);
    }

    private static void TryAbort(HttpListenerResponse response)
    {
        try
        {
            response.Abort();
        }
        catch (Exception)
        {
            // Already closed.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Withheld answers end first (their connections reset), then the listener stops.
        _stop.Cancel();
        try
        {
            Task.WaitAll([.. _inflight.Keys], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Handlers end with the connection; their faults are not the test's concern here.
        }
        try
        {
            _listener.Stop();
            _listener.Close();
            _acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Stopping a listener that failed is fine.
        }
    }
}
