using Robson.Core.Domain;

namespace Robson.Core.Access;

/// <summary>
/// An API token of <c>robson serve</c>: one tenant, one role, a name people recognise it by, and a life. The secret is
/// never part of it: the store keeps only the secret's SHA-256 (<see cref="UseCases.ManageTokens.HashOf"/>).
/// </summary>
/// <param name="Id">12 hex characters: how people list and revoke it (says nothing about the secret).</param>
/// <param name="ExpiresAt">Null: never expires (tokens created by <c>robson token create</c> always expire).</param>
/// <param name="RevokedAt">Null: not revoked.</param>
public sealed record ApiToken(
    string Id, ClientId ClientId, string Name, Role Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Neither revoked nor expired at <paramref name="now"/> (a token is expired from its expiry instant on).</summary>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}
