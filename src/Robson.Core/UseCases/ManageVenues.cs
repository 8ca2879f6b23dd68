using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>Adds and removes a tenant's venues. Audited; the credentials file's path is stored, never its content.</summary>
public sealed class ManageVenues(RobsonEnvironment env)
{
    public static readonly IReadOnlyDictionary<string, string?> DefaultUrls = new Dictionary<string, string?>
    {
        ["binance"] = "https://api.binance.com",
        ["binance-testnet"] = "https://testnet.binance.vision",
        ["binance-compatible"] = null,
    };

    public Outcome<VenueConfig> Add(ClientId clientId, string name, string kind, string? baseUrl, string? credentialsFile)
    {
        if (!DefaultUrls.TryGetValue(kind, out var defaultUrl))
            return Outcome<VenueConfig>.Refuse($"unknown venue kind '{kind}' (use binance, binance-testnet, binance-compatible)");
        var url = baseUrl ?? defaultUrl;
        if (url is null)
            return Outcome<VenueConfig>.Refuse("--base-url is required for a binance-compatible venue");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && !(uri.Scheme == "http" && uri.IsLoopback)))
            return Outcome<VenueConfig>.Refuse($"--base-url must be an https URL (plain http only on loopback), got '{url}'");
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(clientId);
        if (env.Store.FindVenue(clientId, name) is not null)
            return Outcome<VenueConfig>.Refuse($"venue '{name}' already exists for client {clientId}");
        var venue = new VenueConfig(clientId, name, kind, url.TrimEnd('/'), credentialsFile, now);
        if (env.Store.VenuesOfOtherTenants(clientId).FirstOrDefault(venue.SharesEnvironmentCredentialsWith) is { } shared)
            return Outcome<VenueConfig>.Refuse(
                $"another tenant's venue '{shared.Name}' reads {VenueConfig.CredentialVariablePrefix(name)}API_KEY/_API_SECRET too: choose another name or give --credentials-file");
        env.Store.InsertVenue(venue);
        env.Store.Append(new AuditEntry(clientId, AuditKinds.VenueAdded, "OK", null, null,
            Details.Of(("venue", name), ("kind", kind), ("base_url", venue.BaseUrl), ("credentials", credentialsFile is null ? "environment" : "file")),
            env.Actor, now));
        tx.Commit();
        return venue;
    }

    public Outcome<bool> Remove(ClientId clientId, string name)
    {
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(clientId);
        if (env.Store.UnresolvedOrders(clientId, name).Count > 0 || env.Store.RestingOrders(clientId, name).Count > 0)
            return Outcome<bool>.Refuse($"venue '{name}' has orders that are open or of unknown outcome: reconcile first");
        if (!env.Store.RemoveVenue(clientId, name))
            return Outcome<bool>.Refuse($"venue '{name}' not found for client {clientId}");
        env.Store.Append(new AuditEntry(clientId, AuditKinds.VenueRemoved, "OK", null, null, Details.Of(("venue", name)), env.Actor, now));
        tx.Commit();
        return true;
    }
}
