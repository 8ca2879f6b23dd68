using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Robson.Server.Tests.Webhooks;

/// <summary>One POST as the receiver saw it.</summary>
public sealed record ReceivedHook(string Signature, string EventId, string ContentType, string Body);

/// <summary>A second Kestrel on 127.0.0.1 that records every POST and answers <see cref="Status"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<ReceivedHook> Received { get; } = new();
    public int Status { get; set; } = 200;
    public string Url { get; private set; } = "";

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            Received.Enqueue(new ReceivedHook(http.Request.Headers["Robson-Signature"].ToString(), http.Request.Headers["Robson-Event-Id"].ToString(),
                http.Request.ContentType ?? "", body));
            http.Response.StatusCode = Status;
        });
    }

    public static async Task<WebhookReceiver> Start()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits (real time) until <paramref name="done"/> holds, doing <paramref name="meanwhile"/> between looks; fails after 20 s.</summary>
    public static async Task Until(Func<bool> done, Action? meanwhile = null, string what = "the condition")
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            meanwhile?.Invoke();
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
