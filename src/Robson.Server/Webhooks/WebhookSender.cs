using System.Text;
using Robson.Cli;

namespace Robson.Server.Webhooks;

/// <summary>
/// POSTs one signed event and says how it went: null when the receiver answered 2xx, else a one-line reason for the dead
/// letter (never the secret, the signature or the URL). Redirects are not followed: a signed event goes only where the
/// tenant said.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public WebhookSender(WebhookDeliveryOptions options)
    {
        _timeout = options.RequestTimeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }) { Timeout = options.RequestTimeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"robson-webhooks/{CliContext.Version}");
    }

    public async Task<string?> Send(string url, string eventId, string signature, string body, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeader, eventId);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            return $"no answer within {_timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            return "request failed: " + (e.InnerException?.Message ?? e.Message).Split('\n')[0];
        }
    }

    public void Dispose() => _http.Dispose();
}
