namespace Robson.Cli.Tests.Support.FakeBinance;

/// <summary>
/// A fault the fake exchange injects into the next request to one endpoint (see
/// <see cref="FakeBinanceExchange.InjectOrderFault"/>). Faults are queued per endpoint and each is consumed by
/// exactly one request, whatever that request holds (even one the exchange would reject).
/// "Before" faults answer without processing the request (nothing is placed); "after" faults process it first
/// (the order is placed, a lookup is answered internally) and then spoil the answer.
/// </summary>
public abstract record FakeFault
{
    private FakeFault() { }

    /// <summary>True when the request is processed (the order placed) before the fault answers.</summary>
    public abstract bool AfterProcessing { get; }

    /// <summary>HTTP 503 with a -1008 body; the request is NOT processed (no order is placed).</summary>
    public sealed record Unavailable503(string? Body = null) : FakeFault
    {
        public override bool AfterProcessing => false;
    }

    /// <summary>
    /// The request is processed (the order is placed), then the answer is withheld for <paramref name="Delay"/>
    /// (default 30 s, longer than any sane client timeout; cut short when the fake is disposed). Then the
    /// connection is dropped without an answer if <paramref name="DropConnection"/>, otherwise the real answer
    /// is written late. <c>Delay = TimeSpan.Zero, DropConnection = true</c> resets the connection at once.
    /// </summary>
    public sealed record TimeoutAfterPlacing(TimeSpan? Delay = null, bool DropConnection = false) : FakeFault
    {
        public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(30);
        public TimeSpan EffectiveDelay => Delay ?? DefaultDelay;
        public override bool AfterProcessing => true;
    }

    /// <summary>The request is processed (the order is placed), then HTTP 500 with a -1000 body (or <paramref name="Body"/>).</summary>
    public sealed record Error500AfterPlacing(string? Body = null) : FakeFault
    {
        public override bool AfterProcessing => true;
    }

    /// <summary>
    /// The request is processed (the order is placed), then -1007 TIMEOUT "Send status unknown; execution
    /// status unknown." Binance's errors.md gives no HTTP status for -1007; its REST docs say internal errors
    /// are 5XX, so the default is 503. Pass another status (e.g. 408) to try a client against it.
    /// </summary>
    public sealed record UnknownStatus1007AfterPlacing(int HttpStatus = 503) : FakeFault
    {
        public override bool AfterProcessing => true;
    }

    /// <summary>
    /// Any error answer: HTTP <paramref name="HttpStatus"/> with <paramref name="Code"/> and <paramref name="Message"/>,
    /// after the request was processed (the order placed) when <paramref name="PlacesOrder"/>, else without processing it.
    /// </summary>
    public sealed record ErrorAnswer(int HttpStatus, int Code, string Message, bool PlacesOrder) : FakeFault
    {
        public override bool AfterProcessing => PlacesOrder;
    }

    /// <summary>503 -1008 SERVER_BUSY: Binance says the outcome is unknown, so the order may have been placed anyway.</summary>
    public static ErrorAnswer Busy503(bool placesOrder) =>
        new(503, -1008, "Server is currently overloaded with other requests. Please try again in a few minutes.", placesOrder);

    /// <summary>HTTP 500 with -1000 UNKNOWN.</summary>
    public static ErrorAnswer Error500(bool placesOrder) => new(500, -1000, "An unknown error occurred while processing the request.", placesOrder);

    /// <summary>-1006 UNEXPECTED_RESP (Binance gives no HTTP status for it: 503 by default, as for -1007).</summary>
    public static ErrorAnswer Unexpected1006(bool placesOrder, int httpStatus = 503) =>
        new(httpStatus, -1006, "An unexpected response was received from the message bus. Execution status unknown.", placesOrder);

    /// <summary>-1007 TIMEOUT.</summary>
    public static ErrorAnswer Timeout1007(bool placesOrder, int httpStatus = 503) =>
        new(httpStatus, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", placesOrder);

    /// <summary>HTTP 400 with a -2010 rejection: the order was refused (nothing placed).</summary>
    public static ErrorAnswer Rejected400() => new(400, -2010, "Account has insufficient balance for requested action.", PlacesOrder: false);

    /// <summary>
    /// The request passes the checks on arrival, then takes <paramref name="Delay"/> to reach the matching engine, which
    /// checks timestamp + recvWindow again (server clock): past it, the order is not placed (counted in
    /// <see cref="FakeBinanceExchange.OrdersRefusedByEngine"/>); within it, it is processed as usual. Either way the
    /// answer is 503 -1007 (the gateway gave up waiting), or nothing at all when the client timed out first.
    /// </summary>
    public sealed record ReachesEngineLate(TimeSpan Delay) : FakeFault
    {
        public override bool AfterProcessing => true;
    }

    /// <summary>HTTP 400 with -1021 (timestamp outside the recvWindow), as when the client's clock drifted; NOT processed.</summary>
    public sealed record TimestampRejected1021 : FakeFault
    {
        public override bool AfterProcessing => false;
    }

    /// <summary>HTTP 429, header <c>Retry-After: N</c>, body -1003; the request is NOT processed.</summary>
    public sealed record RateLimited429(int RetryAfterSeconds) : FakeFault
    {
        public override bool AfterProcessing => false;
    }

    /// <summary>
    /// HTTP 418 (IP banned), header <c>Retry-After: N</c>, body -1003 "IP banned until ..."; the request is NOT
    /// processed. With <paramref name="EnforceBan"/>, every further request to any endpoint also gets 418 until
    /// the ban ends (real time), as Binance does.
    /// </summary>
    public sealed record Banned418(int RetryAfterSeconds, bool EnforceBan = false) : FakeFault
    {
        public override bool AfterProcessing => false;
    }
}

/// <summary>How widely a <c>newClientOrderId</c> must be unique.</summary>
public enum ClientOrderIdScope
{
    /// <summary>Stricter than Binance: an id used by any earlier accepted order is a duplicate (-2010).</summary>
    AllOrders,

    /// <summary>Binance's documented rule: unique among the account's open orders only.</summary>
    OpenOrders,
}
