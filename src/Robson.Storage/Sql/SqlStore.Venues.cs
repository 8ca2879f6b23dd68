using System.Data.Common;
using Robson.Core.Domain;
using Robson.Core.Ports;

namespace Robson.Storage.Sql;

public abstract partial class SqlStore
{
    public void InsertVenue(VenueConfig v) =>
        Execute("INSERT INTO venues (client_id, name, kind, base_url, credentials_file, created_at) VALUES (@c, @n, @k, @u, @f, @t)",
            ("@c", v.ClientId.Value), ("@n", v.Name), ("@k", v.Kind), ("@u", v.BaseUrl), ("@f", v.CredentialsFile), ("@t", Text.Time(v.CreatedAt)));

    public VenueConfig? FindVenue(ClientId clientId, string name) =>
        Query("SELECT client_id, name, kind, base_url, credentials_file, created_at FROM venues WHERE client_id = @c AND name = @n", ReadVenue,
            ("@c", clientId.Value), ("@n", name)).FirstOrDefault();

    public IReadOnlyList<VenueConfig> ListVenues(ClientId clientId) =>
        Query("SELECT client_id, name, kind, base_url, credentials_file, created_at FROM venues WHERE client_id = @c ORDER BY name", ReadVenue,
            ("@c", clientId.Value));

    public bool RemoveVenue(ClientId clientId, string name) =>
        Execute("DELETE FROM venues WHERE client_id = @c AND name = @n", ("@c", clientId.Value), ("@n", name)) == 1;

    public IReadOnlyList<VenueConfig> VenuesOfOtherTenants(ClientId clientId) =>
        Query("SELECT client_id, name, kind, base_url, credentials_file, created_at FROM venues WHERE client_id <> @c", ReadVenue, ("@c", clientId.Value));

    private static VenueConfig ReadVenue(DbDataReader r) =>
        new(ClientId.From(r.GetInt64(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4), Text.ParseTime(r.GetString(5)));

    public VenueLimitState GetVenueLimits(string baseUrl) =>
        Query("SELECT blocked_until, reason, used_weight, updated_at FROM venue_limits WHERE base_url = @u",
            r => new VenueLimitState(r.IsDBNull(0) ? null : Text.ParseTime(r.GetString(0)), r.NullableString(1),
                r.IsDBNull(2) ? null : r.GetInt32(2), Text.ParseTime(r.GetString(3))),
            ("@u", baseUrl)).FirstOrDefault() ?? new VenueLimitState(null, null, null, null);

    public void BlockVenue(string baseUrl, DateTimeOffset until, string reason, DateTimeOffset now) =>
        Execute("INSERT INTO venue_limits (base_url, blocked_until, reason, updated_at) VALUES (@u, @b, @r, @t) " +
                "ON CONFLICT (base_url) DO UPDATE SET blocked_until = @b, reason = @r, updated_at = @t",
            ("@u", baseUrl), ("@b", Text.Time(until)), ("@r", reason), ("@t", Text.Time(now)));

    public void RecordUsedWeight(string baseUrl, int usedWeight, DateTimeOffset now) =>
        Execute("INSERT INTO venue_limits (base_url, used_weight, updated_at) VALUES (@u, @w, @t) " +
                "ON CONFLICT (base_url) DO UPDATE SET used_weight = @w, updated_at = @t",
            ("@u", baseUrl), ("@w", usedWeight), ("@t", Text.Time(now)));

    public (string Json, DateTimeOffset FetchedAt)? CachedExchangeInfo(string baseUrl) =>
        Query("SELECT json, fetched_at FROM exchange_info WHERE base_url = @u", r => (r.GetString(0), Text.ParseTime(r.GetString(1))), ("@u", baseUrl))
            .Select(x => ((string, DateTimeOffset)?)x).FirstOrDefault();

    public void CacheExchangeInfo(string baseUrl, string json, DateTimeOffset fetchedAt) =>
        Execute("INSERT INTO exchange_info (base_url, json, fetched_at) VALUES (@u, @j, @t) ON CONFLICT (base_url) DO UPDATE SET json = @j, fetched_at = @t",
            ("@u", baseUrl), ("@j", json), ("@t", Text.Time(fetchedAt)));
}
