using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>A tenant's configured exchange: where it is and where its credentials file is (never the secret itself).</summary>
public sealed record VenueConfig(ClientId ClientId, string Name, string Kind, string BaseUrl, string? CredentialsFile, DateTimeOffset CreatedAt);

/// <summary>Venues a tenant added with `robson venue add`.</summary>
public interface IVenueRegistry
{
    void InsertVenue(VenueConfig venue);
    VenueConfig? FindVenue(ClientId clientId, string name);
    IReadOnlyList<VenueConfig> ListVenues(ClientId clientId);
    bool RemoveVenue(ClientId clientId, string name);

    /// <summary>True when another tenant has a venue of that name.</summary>
    bool VenueNameUsedByOthers(ClientId clientId, string name);
}

/// <summary>What a venue told us about its limits, kept across processes: bans, back-off, weight used, exchangeInfo.</summary>
public sealed record VenueLimitState(DateTimeOffset? BlockedUntil, string? Reason, int? UsedWeight, DateTimeOffset? UpdatedAt);

public interface IVenueLimitStore
{
    VenueLimitState GetVenueLimits(string baseUrl);
    void BlockVenue(string baseUrl, DateTimeOffset until, string reason, DateTimeOffset now);
    void RecordUsedWeight(string baseUrl, int usedWeight, DateTimeOffset now);

    (string Json, DateTimeOffset FetchedAt)? CachedExchangeInfo(string baseUrl);
    void CacheExchangeInfo(string baseUrl, string json, DateTimeOffset fetchedAt);
}
