using System.Security.Cryptography;
using System.Text;
using Robson.Cli;
using Robson.Core.Ports;
using Robson.Storage;
using Robson.Storage.Sql;

namespace Robson.Server.Api;

/// <summary>
/// The server's own use of the store, before and after a request's command: finding the caller's token, and keeping
/// idempotency keys. The session sees every tenant (a token is looked up before its tenant is known); every call names
/// the tenant it acts for.
/// </summary>
public sealed class StoreGate(ServerEnvironment environment, TimeProvider time) : IDisposable
{
    private readonly Lock _keeping = new();
    private SqlStore? _keepAlive;

    private readonly StoreTarget _target = StoreTarget.Choose(
        new CliIO(TextWriter.Null, TextWriter.Null, environment.Get, false, time, "", "").RobsonHome,
        environment.Get(StoreTarget.DatabaseUrlVariable));

    public StoreTarget Target => _target;

    public SqlStore Open()
    {
        KeepSqliteOpen();
        var store = _target.Open(createIfMissing: false);
        store.BindAllTenants();
        return store;
    }

    /// <summary>
    /// SQLite writes its write-ahead log back into robson.db, syncs it and deletes it whenever the last connection to the
    /// file closes: about half of a request when each one opens and closes its own (docs/benchmarks.md). One connection
    /// kept open for the server's life makes every other close cheap; the log is written back as it fills, and once more
    /// when the server stops, so robson.db is whole after a clean stop.
    /// </summary>
    private void KeepSqliteOpen()
    {
        if (_keepAlive is not null || _target.Engine != "sqlite" || !_target.Exists) return;
        lock (_keeping)
            _keepAlive ??= _target.Open(createIfMissing: false);
    }

    public void Dispose() => _keepAlive?.Dispose();

    /// <summary>The caller a bearer token stands for; a missing, unknown, expired or revoked token is a 401 that says which.</summary>
    public static Caller Authenticate(ITokenStore store, string? authorization, DateTimeOffset now)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw Unauthorized("a token is required: Authorization: Bearer TOKEN (from `robson token create`)");
        var secret = authorization[scheme.Length..].Trim();
        var token = store.TokenByHash(Robson.Core.UseCases.ManageTokens.HashOf(secret));
        if (token is null) throw Unauthorized("the token is not valid");
        if (token.RevokedAt is not null) throw Unauthorized("the token was revoked");
        if (!token.IsValidAt(now)) throw Unauthorized("the token has expired");
        return new Caller(token.ClientId, token.Name, token.Role, token.Id);
    }

    private static ProblemException Unauthorized(string detail) => new(Problem.Of(Problem.Unauthorized, detail));
}
