using Robson.Core.Access;
using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>API tokens: kept by the SHA-256 of their secret, never the secret itself.</summary>
public interface ITokenStore
{
    /// <summary>Stores a new token with the hash of its secret (unique: two tokens never share one).</summary>
    void AddToken(ApiToken token, string tokenHash);

    /// <summary>The tenant's tokens, revoked and expired ones included, oldest first.</summary>
    IReadOnlyList<ApiToken> Tokens(ClientId client);

    /// <summary>Marks the tenant's token revoked at <paramref name="at"/>; false when the tenant has no such token or it was revoked already.</summary>
    bool RevokeToken(ClientId client, string id, DateTimeOffset at);

    /// <summary>
    /// The token whose secret hashes to <paramref name="tokenHash"/>, whatever its tenant, valid or not; null if none. The
    /// server authenticates before it knows the tenant, so this searches every tenant: on PostgreSQL the session must be
    /// bound to every tenant (BindAllTenants).
    /// </summary>
    ApiToken? TokenByHash(string tokenHash);
}
