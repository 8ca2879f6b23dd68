using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Robson.Core.Ports;

namespace Robson.Venues.Binance;

/// <summary>
/// Binance's REST transport: signing with the server-time offset, the used-weight headers, 429/418 back-off
/// (kept across processes), and Polly: jittered retries for reads and lookups only, and one circuit breaker
/// for every request, so a failing venue stops being called. An order request is never retried here.
/// </summary>
internal sealed class BinanceHttp : IDisposable
{
    private static readonly ResiliencePropertyKey<bool> IsRead = new("robson.binance.read");

    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly IVenueLimitStore _limits;
    private readonly TimeProvider _time;
    private readonly BinanceOptions _options;
    private readonly Func<BinanceCredentials>? _loadCredentials;
    private readonly ResiliencePipeline<BinanceReply> _pipeline;
    private BinanceCredentials? _credentials;
    private long? _clockOffsetMs;
    private long _clockUncertaintyMs;
    private (int Weight, DateTimeOffset At)? _lastWeight;

    public BinanceHttp(string baseUrl, IVenueLimitStore limits, TimeProvider time, BinanceOptions options, Func<BinanceCredentials>? loadCredentials)
    {
        _baseUrl = baseUrl.TrimEnd('/');
        _limits = limits;
        _time = time;
        _options = options;
        _loadCredentials = loadCredentials;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _pipeline = new ResiliencePipelineBuilder<BinanceReply>()
            .AddRetry(new RetryStrategyOptions<BinanceReply>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Context.Properties.GetValue(IsRead, false) && IsTransient(args.Outcome)),
                MaxRetryAttempts = Math.Max(1, options.MaxReadRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<BinanceReply>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .Build();
    }

    public bool CanSign => _loadCredentials is not null;

    private static bool IsTransient(Outcome<BinanceReply> outcome) =>
        outcome.Exception is BinanceTransportException || outcome.Result?.OutcomeUnknown == true;

    /// <summary>A read or lookup: retried with back-off on transient failures.</summary>
    public BinanceReply Read(string path, IReadOnlyList<(string Key, string Value)> parameters, bool signed)
    {
        try
        {
            var reply = Execute(HttpMethod.Get, path, parameters, signed, read: true);
            if (reply.Code != -1021) return reply;
            _clockOffsetMs = null; // our clock drifted from the server's: measure again, once
            return Execute(HttpMethod.Get, path, parameters, signed, read: true);
        }
        catch (BinanceTransportException e)
        {
            // A read changes nothing: after its retries, no answer simply means the venue is unavailable.
            throw new VenueUnavailableException(e.Message, e);
        }
    }

    /// <summary>A cancel: sent once; -1021 alone is retried, after a clock resync (it was refused for its timestamp).</summary>
    public BinanceReply Write(HttpMethod method, string path, IReadOnlyList<(string Key, string Value)> parameters)
    {
        var reply = Execute(method, path, parameters, signed: true, read: false);
        if (reply.Code != -1021) return reply;
        // -1021: the request was rejected for its timestamp, so it was not executed and one retry is safe.
        _clockOffsetMs = null;
        return Execute(method, path, parameters, signed: true, read: false);
    }

    /// <summary>
    /// A new order (or order list), sent exactly once and signed with <paramref name="signedAt"/> (the local time it was
    /// marked SENT) plus the server-clock offset: the venue will not place it once that timestamp is older than the
    /// recvWindow, which is what lets "not found" become "never placed". A -1021 is not retried: re-signing with a new
    /// time would move that deadline, so the order is simply refused (the offset is measured again for the next one).
    /// </summary>
    public BinanceReply SendOrder(string path, IReadOnlyList<(string Key, string Value)> parameters, DateTimeOffset signedAt)
    {
        var reply = Execute(HttpMethod.Post, path, parameters, signed: true, read: false, signedAt);
        if (reply.Code == -1021) _clockOffsetMs = null;
        return reply;
    }

    private BinanceReply Execute(HttpMethod method, string path, IReadOnlyList<(string, string)> parameters, bool signed, bool read,
        DateTimeOffset? signedAt = null)
    {
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(IsRead, read);
        try
        {
            return _pipeline.Execute(_ => Send(method, path, parameters, signed, signedAt), context);
        }
        catch (BrokenCircuitException e)
        {
            throw new VenueUnavailableException($"venue {_baseUrl} is failing: Robson stopped calling it for now (circuit open)", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private BinanceReply Send(HttpMethod method, string path, IReadOnlyList<(string Key, string Value)> parameters, bool signed, DateTimeOffset? signedAt)
    {
        WaitForBackoff();
        var query = new StringBuilder();
        foreach (var (key, value) in parameters)
            query.Append(query.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        using var request = new HttpRequestMessage(method, "");
        if (signed)
        {
            var credentials = Credentials();
            query.Append(query.Length == 0 ? "" : "&").Append("recvWindow=").Append(_options.RecvWindowMs.ToString(CultureInfo.InvariantCulture))
                .Append("&timestamp=").Append(ServerMs(signedAt ?? _time.GetUtcNow()).ToString(CultureInfo.InvariantCulture));
            var signature = BinanceSigner.Sign(credentials.ApiSecret, query.ToString());
            query.Append("&signature=").Append(signature);
            request.Headers.Add("X-MBX-APIKEY", credentials.ApiKey);
        }
        request.RequestUri = new Uri(_baseUrl + path + (query.Length > 0 ? "?" + query : ""));

        using var timeout = new CancellationTokenSource(_options.RequestTimeout);
        HttpResponseMessage response;
        string body;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            response = _http.Send(request, timeout.Token);
            using var reader = new StreamReader(response.Content.ReadAsStream(timeout.Token));
            body = reader.ReadToEnd();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            VenueMetrics.Request(_baseUrl, path, null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            throw new BinanceTransportException($"no answer from {_baseUrl}{path} ({(e is OperationCanceledException ? "timed out" : e.Message)})", e);
        }
        VenueMetrics.Request(_baseUrl, path, (int)response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        using (response)
            return Interpret(response, body);
    }

    private BinanceReply Interpret(HttpResponseMessage response, string body)
    {
        var now = _time.GetUtcNow();
        if (response.Headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var weights) && int.TryParse(weights.FirstOrDefault(), out var weight))
            _lastWeight = (weight, now); // kept by Flush, so a refused command writes nothing
        var retryAfter = response.Headers.RetryAfter?.Delta
                         ?? (response.Headers.TryGetValues("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var s) ? TimeSpan.FromSeconds(s) : null);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
        {
            var wait = retryAfter ?? TimeSpan.FromSeconds(60);
            var banned = response.StatusCode == (HttpStatusCode)418;
            _limits.BlockVenue(_baseUrl, now + wait, banned ? "banned (HTTP 418)" : "rate limited (HTTP 429)", now);
        }

        JsonElement json = default;
        int? code = null;
        string? message = null;
        if (body.Length > 0)
        {
            try
            {
                json = JsonDocument.Parse(body).RootElement.Clone();
                if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number
                    && json.TryGetProperty("msg", out var m))
                {
                    code = c.GetInt32();
                    message = m.GetString();
                }
            }
            catch (JsonException)
            {
                // A body that is not JSON (a proxy's error page): the status code alone decides.
            }
        }
        return new BinanceReply(response.StatusCode, json, code, message, retryAfter);
    }

    /// <summary>After a 418 nothing is sent until the ban ends; after a 429 we wait out Retry-After (if short).</summary>
    private void WaitForBackoff()
    {
        var state = _limits.GetVenueLimits(_baseUrl);
        if (state.BlockedUntil is not { } until) return;
        var wait = until - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        if (state.Reason?.Contains("418", StringComparison.Ordinal) == true || wait > _options.MaxInlineBackoff)
            throw new VenueUnavailableException($"venue {_baseUrl} is not accepting requests from us until {until:yyyy-MM-dd HH:mm:ss} UTC: {state.Reason}; Robson will not send until then");
        Thread.Sleep(wait);
    }

    private BinanceCredentials Credentials() =>
        _credentials ??= _loadCredentials?.Invoke()
                         ?? throw new VenueConfigurationException("this command cannot sign requests: credentials are loaded only for LIVE execution and reconcile");

    /// <summary>The exchange's time now: our clock plus the measured offset.</summary>
    public DateTimeOffset ServerNow() => DateTimeOffset.FromUnixTimeMilliseconds(ServerNowMs());

    private long ServerNowMs() => ServerMs(_time.GetUtcNow());

    /// <summary>A local time on the server's clock: plus the offset to the server's, learnt once from /api/v3/time.</summary>
    private long ServerMs(DateTimeOffset local)
    {
        _clockOffsetMs ??= MeasureClockOffset();
        return local.ToUnixTimeMilliseconds() + _clockOffsetMs.Value;
    }

    /// <summary>
    /// How far the measured offset may be from the true one: half the round trip of the /api/v3/time request it was
    /// measured with (the server read its clock somewhere within it). Measures the offset if not yet measured.
    /// </summary>
    public TimeSpan ClockUncertainty
    {
        get
        {
            _clockOffsetMs ??= MeasureClockOffset();
            return TimeSpan.FromMilliseconds(_clockUncertaintyMs);
        }
    }

    /// <summary>
    /// The offset from the sample with the shortest round trip: the first request of a process also pays for the
    /// connection and start-up, which makes its round trip long and lopsided, so a slow sample is measured again (at most
    /// three samples; one when the first comes back within 250 ms).
    /// </summary>
    private long MeasureClockOffset()
    {
        (long Offset, long RoundTrip)? best = null;
        for (var sample = 0; sample < 3 && best is not { RoundTrip: <= 250 }; sample++)
        {
            var measured = MeasureOnce();
            if (best is null || measured.RoundTrip < best.Value.RoundTrip) best = measured;
        }
        _clockUncertaintyMs = (best!.Value.RoundTrip + 1) / 2;
        return best.Value.Offset;
    }

    private (long Offset, long RoundTrip) MeasureOnce()
    {
        var before = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // A read like any other (retried on transient failures); when it still fails nothing that changes state was
        // sent (a signed request waits for the clock), so the venue is simply unavailable.
        var reply = Read("/api/v3/time", [], signed: false);
        var after = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!reply.IsSuccess || !reply.Body.TryGetProperty("serverTime", out var serverTime))
            throw new VenueUnavailableException($"cannot read the server time of {_baseUrl}: {reply.Describe()}");
        return (serverTime.GetInt64() - (before + after) / 2, after - before);
    }

    /// <summary>Stores the last used weight seen. Bans and back-offs are stored at once: they protect the account.</summary>
    public void Flush()
    {
        if (_lastWeight is { } last) _limits.RecordUsedWeight(_baseUrl, last.Weight, last.At);
        _lastWeight = null;
    }

    public void Dispose() => _http.Dispose();
}
