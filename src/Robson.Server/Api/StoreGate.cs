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

    // Pooled: a request's commands reuse open connections (SQLite keeps its schema parsed and its write-ahead log instead
    // of writing it back at every close, half of a request; PostgreSQL keeps its sessions). docs/benchmarks.md.
    private readonly StoreTarget _target = StoreTarget.Choose(
        new CliIO(TextWriter.Null, TextWriter.Null, environment.Get, false, time, "", "").RobsonHome,
        environment.Get(StoreTarget.DatabaseUrlVariable)).Pooled();

    public StoreTarget Target => _target;

    public SqlStore Open()
    {
        var store = _target.Open(createIfMissing: false);
        store.BindAllTenants();
        return store;
    }

    public void Dispose() => _target.Dispose();

    /// <summary>The caller a bearer token stands for; a missing, unknown, expired or revoked token is a 401 that says which.</summary>
    public static Caller Authenticate(ITokenStore store, string? authorization, DateTimeOffset now)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw Unauthorized("a token is required: Authorization: Bearer TOKEN (from `robson token create`)");
        var secret = authorization[scheme.Length..].Trim();
        var token = Robson.Core.UseCases.ManageTokens.Lookup(store, secret);
        if (token is null) throw Unauthorized("the token is not valid");
        if (token.RevokedAt is not null) throw Unauthorized("the token was revoked");
        if (!token.IsValidAt(now)) throw Unauthorized("the token has expired");
        return new Caller(token.ClientId, token.Name, token.Role, token.Id);
    }

    private static ProblemException Unauthorized(string detail) => new(Problem.Of(Problem.Unauthorized, detail));
}
