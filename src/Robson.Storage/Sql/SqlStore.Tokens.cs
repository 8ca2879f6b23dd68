using System.Data.Common;
using Robson.Core.Access;
using Robson.Core.Domain;

namespace Robson.Storage.Sql;

/// <summary>API tokens, by the SHA-256 of their secret (the secret itself never reaches the database).</summary>
public abstract partial class SqlStore
{
    private const string TokenColumns = "id, client_id, name, role, created_at, expires_at, revoked_at";

    public void AddToken(ApiToken token, string tokenHash) =>
        Execute($"INSERT INTO api_tokens ({TokenColumns}, token_hash) VALUES (@id, @c, @n, @r, @t, @e, @x, @h)",
            ("@id", token.Id), ("@c", token.ClientId.Value), ("@n", token.Name), ("@r", Roles.Name(token.Role)), ("@t", Text.Time(token.CreatedAt)),
            ("@e", token.ExpiresAt is { } e ? Text.Time(e) : null), ("@x", token.RevokedAt is { } x ? Text.Time(x) : null), ("@h", tokenHash));

    public IReadOnlyList<ApiToken> Tokens(ClientId client) =>
        Query($"SELECT {TokenColumns} FROM api_tokens WHERE client_id = @c ORDER BY created_at, id", ReadToken, ("@c", client.Value));

    public bool RevokeToken(ClientId client, string id, DateTimeOffset at) =>
        Execute("UPDATE api_tokens SET revoked_at = @t WHERE client_id = @c AND id = @id AND revoked_at IS NULL",
            ("@t", Text.Time(at)), ("@c", client.Value), ("@id", id)) == 1;

    /// <summary>Searches every tenant's tokens: on an engine with row-level security, only a session bound to every tenant finds them all.</summary>
    public ApiToken? TokenByHash(string tokenHash) =>
        Query($"SELECT {TokenColumns} FROM api_tokens WHERE token_hash = @h", ReadToken, ("@h", tokenHash)).FirstOrDefault();

    private static ApiToken ReadToken(DbDataReader r) => new(
        r.GetString(0), ClientId.From(r.GetInt64(1)), r.GetString(2),
        Roles.TryParse(r.GetString(3), out var role) ? role : throw new InvalidDataException($"api token {r.GetString(0)} has an unknown role '{r.GetString(3)}'"),
        Text.ParseTime(r.GetString(4)), r.IsDBNull(5) ? null : Text.ParseTime(r.GetString(5)), r.IsDBNull(6) ? null : Text.ParseTime(r.GetString(6)));
}
