using System.Text.Json.Serialization;

namespace Robson.Cli.Commands.Token;

// The --json contract of `robson token …` (snake_case). The secret appears in one document only, token create's "token",
// once; no document ever carries its hash.

/// <summary>`token create --json`: "token" is the secret, shown this once (Robson keeps only its SHA-256).</summary>
public sealed record TokenCreatedJson(string Token, string Id, long ClientId, string Name, string Role, string CreatedAt, string? ExpiresAt);

/// <summary>"state": ACTIVE, EXPIRED or REVOKED, at the time of the listing.</summary>
public sealed record TokenJson(string Id, string Name, string Role, string CreatedAt, string? ExpiresAt, string? RevokedAt, string State);

public sealed record TokenListJson(long ClientId, List<TokenJson> Tokens);

/// <summary>"action": revoked, or already_revoked (nothing changed).</summary>
public sealed record TokenRevokedJson(long ClientId, string Action, TokenJson Token);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(TokenCreatedJson))]
[JsonSerializable(typeof(TokenListJson))]
[JsonSerializable(typeof(TokenRevokedJson))]
public sealed partial class TokenJsonContext : JsonSerializerContext;
