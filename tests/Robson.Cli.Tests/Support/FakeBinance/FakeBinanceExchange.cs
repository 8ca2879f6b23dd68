namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// A Binance-Spot-compatible exchange on 127.0.0.1 for tests: public market data, signed trading and account
/// endpoints checked like Binance (API key, HMAC signature, timestamp and recvWindow, symbol filters,
/// duplicate client order ids, balances), a deterministic book around a settable mid, and faults injected on
/// command. Thread-safe; dispose it to stop the server. This file holds the state and the test-facing API;
/// the server, the endpoints, matching, signing and JSON live in the other files of this folder.
/// </summary>
public sealed partial class FakeBinanceExchange : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _apiKey;
    private readonly string _apiSecret;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SymbolSpec> _symbols;
    private readonly Dictionary<string, decimal> _mids = new(StringComparer.Ordinal);
    private readonly FakeAccount _account = new();
    private readonly List<OrderState> _orders = [];
    private readonly Dictionary<string, Queue<FakeFault>> _faults = new(StringComparer.Ordinal);
    private readonly List<FakeRequest> _requests = [];
    private readonly Dictionary<string, int> _requestCounts = new(StringComparer.Ordinal);
    private readonly List<Exception> _serverErrors = [];
    private long _nextOrderId = 10001;
    private long _nextTradeId = 50001;
    private long _lastUpdateId = 1_000_000;
    private int _orderRequestCount;
    private int _refusedByEngine;
    private bool _failLookupsOfUnknownOrders;
    private TimeSpan _clockOffset;
    private int _bookLevels = 20;
    private decimal _levelNotional = 1000m;
    private ClientOrderIdScope _clientOrderIdScope = ClientOrderIdScope.AllOrders;
    private Func<FakeOrder, Task>? _afterOrderPlaced;

    /// <param name="apiKey">The only API key the exchange accepts (header X-MBX-APIKEY).</param>
    /// <param name="apiSecret">The secret signatures are checked with.</param>
    /// <param name="time">The clock the server time is read from (plus <see cref="ClockOffset"/>); real UTC when null.
    /// Pass the test's manual clock to keep the exchange on the CLI's time.</param>
    public FakeBinanceExchange(string apiKey, string apiSecret, TimeProvider? time = null)
    {
        _apiKey = apiKey;
        _apiSecret = apiSecret;
        _time = time ?? TimeProvider.System;
        _symbols = SymbolSpec.Defaults.ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        foreach (var s in SymbolSpec.Defaults) _mids[s.Symbol] = s.DefaultMid;
        _routes = BuildRoutes();
        (_listener, Port) = StartListener();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The port the server listens on, on 127.0.0.1 only.</summary>
    public int Port { get; }

    /// <summary>E.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string ApiKey => _apiKey;

    /// <summary>The symbols the exchange lists (BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT).</summary>
    public IReadOnlyCollection<string> Symbols => _symbols.Keys;

    /// <summary>Clock skew: the server's clock is the time source plus this offset.</summary>
    public TimeSpan ClockOffset
    {
        get { lock (_gate) return _clockOffset; }
        set { lock (_gate) _clockOffset = value; }
    }

    /// <summary>The server's clock now (what /api/v3/time answers).</summary>
    public DateTimeOffset ServerTime
    {
        get { lock (_gate) return ServerNow(); }
    }

    private DateTimeOffset ServerNow() => _time.GetUtcNow() + _clockOffset;

    /// <summary>Levels on each side of the synthetic book (default 20).</summary>
    public int BookLevels
    {
        get { lock (_gate) return _bookLevels; }
        set { lock (_gate) _bookLevels = Math.Max(1, value); }
    }

    /// <summary>Quote value of the book's first level; level i holds (i+1) times as much (default 1000).</summary>
    public decimal LevelNotional
    {
        get { lock (_gate) return _levelNotional; }
        set { lock (_gate) _levelNotional = value; }
    }

    /// <summary>Maker commission rate (default 0.001), charged on fills of resting orders.</summary>
    public decimal MakerCommission
    {
        get { lock (_gate) return _account.MakerCommission; }
        set { lock (_gate) _account.MakerCommission = value; }
    }

    /// <summary>Taker commission rate (default 0.001), charged on immediate fills.</summary>
    public decimal TakerCommission
    {
        get { lock (_gate) return _account.TakerCommission; }
        set { lock (_gate) _account.TakerCommission = value; }
    }

    /// <summary>Which earlier orders make a <c>newClientOrderId</c> a duplicate (default: all of them).</summary>
    public ClientOrderIdScope ClientOrderIdScope
    {
        get { lock (_gate) return _clientOrderIdScope; }
        set { lock (_gate) _clientOrderIdScope = value; }
    }

    /// <summary>
    /// Awaited after an order is recorded and before its answer is written (and before any "after placing"
    /// fault). A crash test kills the client here.
    /// </summary>
    public Func<FakeOrder, Task>? AfterOrderPlaced
    {
        get { lock (_gate) return _afterOrderPlaced; }
        set { lock (_gate) _afterOrderPlaced = value; }
    }

    /// <summary>
    /// Moves a symbol's mid: the book, tickers and average price follow; stops the mid reached trigger (and trade against
    /// the new book up to their limit); resting orders the new book crosses, or the mid reached, fill as maker at their price.
    /// </summary>
    public void SetMid(string symbol, decimal mid)
    {
        lock (_gate)
        {
            var spec = Spec(symbol);
            _mids[symbol] = mid;
            _lastUpdateId++;
            OnMidMoved(spec, mid);
        }
    }

    public decimal Mid(string symbol)
    {
        lock (_gate) return _mids[Spec(symbol).Symbol];
    }

    /// <summary>Sets an asset's free balance (locked funds of open orders are kept).</summary>
    public void SetBalance(string asset, decimal free)
    {
        lock (_gate) _account.Set(asset, free);
    }

    public FakeBalance Balance(string asset)
    {
        lock (_gate) return _account.Get(asset);
    }

    /// <summary>Every order the exchange accepted, oldest first.</summary>
    public IReadOnlyList<FakeOrder> Orders
    {
        get { lock (_gate) return _orders.Select(o => o.Snapshot()).ToArray(); }
    }

    /// <summary>The latest accepted order with this client order id, or null.</summary>
    public FakeOrder? FindOrder(string clientOrderId)
    {
        lock (_gate) return _orders.LastOrDefault(o => o.ClientOrderId == clientOrderId)?.Snapshot();
    }

    /// <summary>Every trade of the account, oldest first.</summary>
    public IReadOnlyList<FakeFill> Trades
    {
        get { lock (_gate) return _orders.SelectMany(o => o.Fills).OrderBy(f => f.TradeId).ToArray(); }
    }

    /// <summary>Fills an open order (all of what remains, or <paramref name="quantity"/>) as maker at its price. False if it is not open.</summary>
    public bool FillOrder(string clientOrderId, decimal? quantity = null)
    {
        lock (_gate)
        {
            var order = _orders.LastOrDefault(o => o.ClientOrderId == clientOrderId && o.IsOpen);
            if (order is null) return false;
            FillResting(order, Math.Min(quantity ?? order.Remaining, order.Remaining));
            return true;
        }
    }

    /// <summary>Every POST /api/v3/order request received, accepted, rejected or faulted.</summary>
    public int OrderRequestCount
    {
        get { lock (_gate) return _orderRequestCount; }
    }

    /// <summary>Every request received, in order of arrival.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    /// <summary>Requests received per endpoint, keyed "METHOD /path" (e.g. "GET /api/v3/order").</summary>
    public IReadOnlyDictionary<string, int> RequestCounts
    {
        get { lock (_gate) return new Dictionary<string, int>(_requestCounts); }
    }

    public int RequestCount(string method, string path)
    {
        lock (_gate) return _requestCounts.GetValueOrDefault($"{method.ToUpperInvariant()} {path}");
    }

    /// <summary>Unexpected exceptions inside the fake (should stay empty).</summary>
    public IReadOnlyList<Exception> ServerErrors
    {
        get { lock (_gate) return _serverErrors.ToArray(); }
    }

    /// <summary>Queues a fault for the next POST /api/v3/order.</summary>
    public void InjectOrderFault(FakeFault fault) => InjectFault("POST", "/api/v3/order", fault);

    /// <summary>Orders whose request reached the matching engine after its timestamp + recvWindow: not placed (see <see cref="FakeFault.ReachesEngineLate"/>).</summary>
    public int OrdersRefusedByEngine
    {
        get { lock (_gate) return _refusedByEngine; }
    }

    /// <summary>
    /// While set, a lookup (GET /api/v3/order) of an order the exchange does not have answers 503 -1008 instead of -2013:
    /// the outcome of an order that was never placed stays unknown, while orders it has are looked up as usual.
    /// </summary>
    public bool FailLookupsOfUnknownOrders
    {
        get { lock (_gate) return _failLookupsOfUnknownOrders; }
        set { lock (_gate) _failLookupsOfUnknownOrders = value; }
    }

    /// <summary>Queues a fault for the next order lookup, GET /api/v3/order.</summary>
    public void InjectLookupFault(FakeFault fault) => InjectFault("GET", "/api/v3/order", fault);

    /// <summary>Queues a fault for the next request to any endpoint.</summary>
    public void InjectFault(string method, string path, FakeFault fault)
    {
        lock (_gate)
        {
            var key = $"{method.ToUpperInvariant()} {path}";
            if (!_faults.TryGetValue(key, out var queue)) _faults[key] = queue = new Queue<FakeFault>();
            queue.Enqueue(fault);
        }
    }

    /// <summary>Faults still queued, over all endpoints.</summary>
    public int PendingFaults
    {
        get { lock (_gate) return _faults.Values.Sum(q => q.Count); }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
            _bannedUntil = DateTimeOffset.MinValue;
        }
    }

    private SymbolSpec Spec(string symbol) =>
        _symbols.TryGetValue(symbol, out var spec) ? spec : throw new ArgumentException($"the fake exchange does not list {symbol}", nameof(symbol));

    private OrderBook BookFor(SymbolSpec spec) => new(spec, _mids[spec.Symbol], _bookLevels, _levelNotional);
}
