using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Robson.Cli.Commands.Serve;
using Robson.Server.Api;
using Robson.Server.Webhooks;

namespace Robson.Server;

/// <summary>The composition root of <c>robson serve</c>: Kestrel on the checked addresses, the routes, operations endpoints.</summary>
public static class ServerApp
{
    public static WebApplication Create(ServeSettings settings, ServerEnvironment environment, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        // The content root is the install folder, not the working directory: the host watches its content root for settings
        // files, and a store kept below the working directory would wake that watcher at every write.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        // Settings come from the checked command line only: configuration from the environment or a settings file
        // (Kestrel:Endpoints, ASPNETCORE_URLS) could otherwise listen beyond what ServeSettings allowed.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        if (logging is null) builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        else logging(builder.Logging);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
        });
        builder.WebHost.UseUrls([.. settings.Urls.Select(u => u.GetLeftPart(UriPartial.Authority))]);
        if (settings.TlsCertificate is not null)
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                https.ServerCertificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(settings.TlsCertificate, settings.TlsKey)));

        var clock = time ?? TimeProvider.System;
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<CommandCatalog>();
        builder.Services.AddSingleton<CommandRunner>();
        builder.Services.AddSingleton(services => new CommandSlots(services.GetRequiredService<ServeSettings>()));
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<RequestHandler>();
        builder.Services.AddSingleton<Dashboard.Sessions>();
        builder.Services.AddSingleton<Dashboard.DeskApi>();
        builder.Services.AddSingleton<Dashboard.DeskPages>();
        builder.Services.AddWebhookDelivery();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ServerMetrics.MeterName, "Robson.Venues", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());

        var app = builder.Build();
        app.Use(RequestLog.Middleware);
        Operations.Map(app);
        var handler = app.Services.GetRequiredService<RequestHandler>();
        foreach (var route in ApiRoutes.All)
            app.MapMethods(route.Pattern, [route.Method], (RequestDelegate)(http => handler.Handle(http, route)));
        Dashboard.DashboardEndpoints.Map(app);
        app.MapFallback((RequestDelegate)(http => RequestHandler.WriteProblem(http,
            Problem.Of(Problem.NotFoundRoute, $"no route {http.Request.Method} {http.Request.Path} (see /openapi/v1.json)"), RequestIds.Of(http))));
        return app;
    }
}
