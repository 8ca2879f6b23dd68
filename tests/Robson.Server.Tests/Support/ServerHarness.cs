using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Robson.Cli.Commands.Serve;
using Robson.Server.Api;
using CliRobson = Robson.Cli.Tests.Support.Robson;

namespace Robson.Server.Tests.Support;

/// <summary>An HTTP answer as a test reads it.</summary>
public sealed record Reply(int Status, string ContentType, string Body, HttpResponseMessage Message)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Message.Headers.TryGetValues(name, out var values) ? values.First() : null;

    public override string ToString() => $"{Status} {ContentType}\n{Body}";
}

/// <summary>
/// A real <c>robson serve</c> (Kestrel on 127.0.0.1, a free port) over a temporary ROBSON_HOME, with the CLI beside it
/// on the same store and clock for setup (strategies, tokens) and for comparing documents.
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    public CliRobson Cli { get; } = new();
    public StringBuilder Log { get; } = new();
    public Uri Address { get; private set; } = null!;
    private WebApplication _app = null!;
    private readonly HttpClient _http = new();

    public static async Task<ServerHarness> Start(Action<CliRobson>? setup = null)
    {
        var harness = new ServerHarness();
        setup?.Invoke(harness.Cli);
        harness.Cli.Expect(0, "db", "migrate"); // the server opens an existing store; the CLI creates it
        var environment = new ServerEnvironment(name => harness.Cli.Environment.GetValueOrDefault(name), "test-host");
        harness._app = ServerApp.Create(ServeSettings.Create("http://127.0.0.1:0", null, null, false), environment, harness.Cli.Clock,
            logging => logging.AddProvider(new CapturingLoggerProvider(harness.Log)));
        await harness._app.StartAsync();
        var addresses = harness._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        harness.Address = new Uri(addresses.First());
        harness._http.BaseAddress = harness.Address;
        return harness;
    }

    /// <summary>A new token of <paramref name="role"/> for tenant <paramref name="client"/>, through the CLI.</summary>
    public string Token(string client, string role, string? name = null) =>
        Cli.Expect(0, ["token", "create", "--client-id", client, "--role", role, "--json", .. name is null ? Array.Empty<string>() : ["--name", name]])
            .Json.GetProperty("token").GetString()!;

    public Task<Reply> Get(string token, string path) => Send(token, HttpMethod.Get, path, null);

    public Task<Reply> Post(string token, string path, object? body = null, IDictionary<string, string>? headers = null) =>
        Send(token, HttpMethod.Post, path, body, headers);

    public Task<Reply> Patch(string token, string path, object body) => Send(token, HttpMethod.Patch, path, body);

    public Task<Reply> Delete(string token, string path) => Send(token, HttpMethod.Delete, path, null);

    public async Task<Reply> Send(string? token, HttpMethod method, string path, object? body, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, body.GetType()), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", text, response);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        Cli.Dispose();
    }

    private sealed class CapturingLoggerProvider(StringBuilder log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(log, categoryName);

        public void Dispose() { }

        private sealed class Logger(StringBuilder log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (log) log.AppendLine($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
