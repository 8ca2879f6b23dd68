using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>A tenant's configured exchange: where it is and where its credentials file is (never the secret itself).</summary>
public sealed record VenueConfig(ClientId ClientId, string Name, string Kind, string BaseUrl, string? CredentialsFile, DateTimeOffset CreatedAt)
{
    /// <summary>True when credentials come from ROBSON_&lt;VENUE&gt;_API_KEY / _API_SECRET (no credentials file).</summary>
    public bool UsesEnvironmentCredentials => CredentialsFile is null;

    /// <summary>ROBSON_&lt;VENUE&gt;_: the venue name upper-cased, every other character as '_'.</summary>
    public static string CredentialVariablePrefix(string venue) =>
        "ROBSON_" + new string(venue.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) + "_";

    /// <summary>Whether this venue and <paramref name="other"/> would read the same environment credentials.</summary>
    public bool SharesEnvironmentCredentialsWith(VenueConfig other) =>
        UsesEnvironmentCredentials && other.UsesEnvironmentCredentials
        && CredentialVariablePrefix(Name) == CredentialVariablePrefix(other.Name);
}

/// <summary>Venues a tenant added with `robson venue add`.</summary>
public interface IVenueRegistry
{
    void InsertVenue(VenueConfig venue);
    VenueConfig? FindVenue(ClientId clientId, string name);
    IReadOnlyList<VenueConfig> ListVenues(ClientId clientId);
    bool RemoveVenue(ClientId clientId, string name);

    /// <summary>Every other tenant's venues (to keep environment credentials from being shared).</summary>
    IReadOnlyList<VenueConfig> VenuesOfOtherTenants(ClientId clientId);
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
