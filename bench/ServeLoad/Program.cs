using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// Closed-loop load: CONCURRENCY clients over one HttpClient (one keep-alive connection each) send a warm-up, then a fixed
// number of identical requests, each timed from send to the end of the body. Every answer that is not 2xx (or lacks the
// expected header) is an error: counted, its first examples printed to stderr, and its latency left out of the
// percentiles, never silently included. Prints one tab-separated line:
//   label  requests  errors  seconds  requests/s  p50_ms  p90_ms  p99_ms  max_ms
//   --url URL  --method POST  --body JSON  --header 'Name: value' (repeatable)  --expect-header 'Name: value'
//   --requests 2000  --warmup 200  --concurrency 32  --label NAME
var options = new Dictionary<string, List<string>>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"serve-load: unexpected {args[i]}"); return 2; }
    if (!options.TryGetValue(args[i], out var list)) options[args[i]] = list = [];
    list.Add(args[i + 1]);
}
string One(string name, string? fallback = null) =>
    options.TryGetValue(name, out var v) ? v[^1] : fallback ?? throw new ArgumentException($"serve-load: {name} is required");
int Int(string name, int fallback) => int.Parse(One(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var url = new Uri(One("--url"));
var method = new HttpMethod(One("--method", "POST"));
var body = One("--body", "");
var label = One("--label", url.AbsolutePath);
var requests = Int("--requests", 2000);
var warmup = Int("--warmup", 200);
var concurrency = Int("--concurrency", 32);
var headers = (options.GetValueOrDefault("--header") ?? []).Select(Split).ToList();
(string Name, string Value)? expect = options.ContainsKey("--expect-header") ? Split(One("--expect-header")) : null;

static (string Name, string Value) Split(string header)
{
    var colon = header.IndexOf(':', StringComparison.Ordinal);
    return (header[..colon].Trim(), header[(colon + 1)..].Trim());
}

using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = concurrency,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{ Timeout = TimeSpan.FromSeconds(120) };

var errorSamples = new List<string>();
var errors = 0;

async Task<double?> Send()
{
    using var request = new HttpRequestMessage(method, url) { Version = HttpVersion.Version11 };
    if (method != HttpMethod.Get) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
    foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
    var started = Stopwatch.GetTimestamp();
    string? failure;
    try
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        failure = (int)response.StatusCode is < 200 or > 299
            ? $"HTTP {(int)response.StatusCode}"
            : expect is { } e && (!response.Headers.TryGetValues(e.Name, out var got) || !got.Contains(e.Value))
                ? $"{e.Name} is not {e.Value}"
                : null;
        if (failure is null) return elapsed;
        failure += ": " + (text.Length > 300 ? text[..300] : text);
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
    {
        failure = ex.GetType().Name + ": " + ex.Message;
    }
    lock (errorSamples)
    {
        errors++;
        if (errorSamples.Count < 5) errorSamples.Add(failure);
    }
    return null;
}

async Task<List<double>> Run(int count)
{
    var next = -1;
    var latencies = new List<double>[concurrency];
    var clients = Enumerable.Range(0, concurrency).Select(async c =>
    {
        var own = latencies[c] = new List<double>(count / concurrency + 1);
        while (Interlocked.Increment(ref next) < count)
            if (await Send() is { } ms) own.Add(ms);
    });
    await Task.WhenAll(clients);
    return [.. latencies.SelectMany(l => l)];
}

await Run(warmup);
var warmupErrors = errors;
errors = 0;
errorSamples.Clear();
var clock = Stopwatch.StartNew();
var measured = await Run(requests);
var seconds = clock.Elapsed.TotalSeconds;
measured.Sort();
double Percentile(double p) => measured.Count == 0 ? double.NaN : measured[Math.Min(measured.Count - 1, (int)Math.Ceiling(p * measured.Count) - 1)];

foreach (var sample in errorSamples) Console.Error.WriteLine($"serve-load: {label}: error: {sample}");
if (warmupErrors > 0) Console.Error.WriteLine($"serve-load: {label}: {warmupErrors} errors in the warm-up");
var ok = requests - errors;
string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
Console.WriteLine(string.Join('\t', label, requests, errors, F(seconds), F(ok / seconds),
    F(Percentile(0.50)), F(Percentile(0.90)), F(Percentile(0.99)), F(measured.Count == 0 ? double.NaN : measured[^1])));
return 0;
