using System.Text;
using Robson.Core.Access;
using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.UseCases;

/// <summary>A token just created, with its secret: the only moment the secret exists outside its holder's hands.</summary>
public sealed record CreatedToken(ApiToken Token, string Secret);

/// <summary>A revocation: the token as it is now, and whether it had been revoked before (then nothing changed).</summary>
public sealed record TokenRevocation(ApiToken Token, bool AlreadyRevoked);

/// <summary>
/// Creates, lists, revokes and checks the API tokens of <c>robson serve</c>. The store keeps only the SHA-256 of a
/// secret, so a copy of the database cannot be used to call the API; the secret is handed out once, by
/// <see cref="Create"/>, and never audited, logged or stored. Creating and revoking are audited in the tenant's chain.
/// </summary>
public sealed class ManageTokens(RobsonEnvironment env)
{
    /// <summary>Every secret starts with this, so it is recognisable in a leaked file or a secret scanner.</summary>
    public const string SecretPrefix = "rbs_";

    /// <summary>Random bytes per secret (256 bits), written as 64 lower-case hex characters after the prefix.</summary>
    public const int SecretBytes = 32;

    public const int DefaultExpiryDays = 90;
    public const int MaxExpiryDays = 3650;
    public const int MaxNameLength = 64;

    public Outcome<CreatedToken> Create(ClientId client, Role role, string? name = null, int? expiresDays = null)
    {
        var days = expiresDays ?? DefaultExpiryDays;
        if (days is < 1 or > MaxExpiryDays)
            return Outcome<CreatedToken>.Refuse($"--expires must be 1 to {MaxExpiryDays} days, got {days}");
        if (name is not null && NameProblem(name.Trim()) is { } problem)
            return Outcome<CreatedToken>.Refuse(problem);
        var id = env.Ids.NewId();
        var now = env.Time.GetUtcNow();
        var token = new ApiToken(id, client, name?.Trim() ?? $"{Roles.Name(role)}-{id}", role, now, now.AddDays(days), null);
        var secret = SecretPrefix + Convert.ToHexStringLower(Hashing.SecureRandom.Bytes(SecretBytes));
        using var tx = env.Store.BeginExclusive(client);
        env.Store.AddToken(token, HashOf(secret));
        Audit(AuditKinds.TokenCreated, token, now);
        tx.Commit();
        return new CreatedToken(token, secret);
    }

    /// <summary>The tenant's tokens, revoked and expired ones included, oldest first.</summary>
    public IReadOnlyList<ApiToken> List(ClientId client) => env.Store.Tokens(client);

    /// <summary>Revokes the tenant's token; another tenant's, or an unknown id, is refused as not found. Revoking twice changes nothing.</summary>
    public Outcome<TokenRevocation> Revoke(ClientId client, string id)
    {
        var now = env.Time.GetUtcNow();
        using var tx = env.Store.BeginExclusive(client);
        var token = env.Store.Tokens(client).FirstOrDefault(t => t.Id == id);
        if (token is null)
            return Outcome<TokenRevocation>.Refuse($"token '{id}' not found for client {client}");
        if (token.RevokedAt is not null)
            return new TokenRevocation(token, AlreadyRevoked: true);
        env.Store.RevokeToken(client, id, now);
        var revoked = token with { RevokedAt = now };
        Audit(AuditKinds.TokenRevoked, revoked, now);
        tx.Commit();
        return new TokenRevocation(revoked, AlreadyRevoked: false);
    }

    /// <summary>
    /// The token a secret belongs to, if it is valid at <paramref name="now"/>; null when the secret is malformed, unknown,
    /// expired or revoked (the caller answers all four alike). Looked up by hash, so no comparison of secrets leaks timing.
    /// </summary>
    public ApiToken? Authenticate(string secret, DateTimeOffset now) => Lookup(env.Store, secret) is { } token && token.IsValidAt(now) ? token : null;

    /// <summary>The token a secret names, valid or not (the server says which: revoked, expired); null when malformed or unknown.</summary>
    public static ApiToken? Lookup(Ports.ITokenStore store, string secret) => IsWellFormed(secret) ? store.TokenByHash(HashOf(secret)) : null;

    /// <summary>What the store keeps of a secret: the SHA-256 of the whole text, prefix included, as lower-case hex.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(Hashing.Sha256.Hash(Encoding.UTF8.GetBytes(secret)));

    private static bool IsWellFormed(string secret) =>
        secret.Length == SecretPrefix.Length + 2 * SecretBytes && secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && secret.AsSpan(SecretPrefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static string? NameProblem(string name) =>
        name.Length is 0 or > MaxNameLength ? $"token name must be 1-{MaxNameLength} characters"
        : name.Any(char.IsControl) ? "token name must not contain control characters"
        : null;

    // The id, name, role and expiry: enough to say which token acted. Never the secret nor its hash.
    private void Audit(string kind, ApiToken token, DateTimeOffset now) =>
        env.Store.Append(new AuditEntry(token.ClientId, kind, "OK", null, null,
            Details.Of(("id", token.Id), ("name", token.Name), ("role", Roles.Name(token.Role)),
                ("expires_at", token.ExpiresAt is { } e ? AuditHasher.CanonicalTime(e) : "")),
            env.Actor, now));
}
