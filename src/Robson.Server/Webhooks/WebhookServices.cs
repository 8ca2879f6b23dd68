using Microsoft.Extensions.DependencyInjection;
using Robson.Server.Api;

namespace Robson.Server.Webhooks;

/// <summary>The one registration <see cref="ServerApp"/> makes for webhooks.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services) => services
        .AddSingleton(provider => WebhookDeliveryOptions.From(provider.GetRequiredService<ServerEnvironment>()))
        .AddHostedService<WebhookDeliveryService>();
}
