using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Venue;

// The --json contract of `robson venue …` (snake_case). "credentials" says where the secrets come from, never what they are:
// "environment" (ROBSON_<VENUE>_API_KEY / _API_SECRET, named in "credential_variables") or "file" (its path).
public sealed record VenueJson(string Name, string Kind, string BaseUrl, string Credentials, string? CredentialsFile, List<string> CredentialVariables, string? CreatedAt);

public sealed record VenueListJson(long ClientId, List<VenueJson> Venues);

/// <summary>"action": added or removed.</summary>
public sealed record VenueChangeJson(long ClientId, string Action, VenueJson Venue);

/// <summary>"key_variable_set": whether the API key variable is set in this environment (its value is never shown).</summary>
public sealed record VenueShowJson(long ClientId, VenueJson Venue, bool KeyVariableSet, int? UsedWeight, string? BlockedUntil, string? BlockedReason, int UnresolvedOrders);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(VenueListJson))]
[JsonSerializable(typeof(VenueChangeJson))]
[JsonSerializable(typeof(VenueShowJson))]
public sealed partial class VenueJsonContext : JsonSerializerContext;
