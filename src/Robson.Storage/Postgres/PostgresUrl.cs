using System.Globalization;
using Npgsql;
using Robson.Storage.Sql;

namespace Robson.Storage.Postgres;

/// <summary>
/// <c>ROBSON_DATABASE_URL</c>: <c>postgresql://user[:password]@host[:port]/database[?sslmode=...]</c>, parsed once.
/// <see cref="Redacted"/> is the only form ever shown: the password never appears in output, errors, logs or the audit trail.
/// </summary>
public sealed class PostgresUrl
{
    private static readonly string[] Schemes = ["postgresql", "postgres"];
    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = SslMode.Disable, ["allow"] = SslMode.Allow, ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require, ["verify-ca"] = SslMode.VerifyCA, ["verify-full"] = SslMode.VerifyFull,
    };

    private readonly string? _password;

    private PostgresUrl(string user, string? password, string host, int port, string database, string? sslMode)
    {
        User = user;
        _password = password;
        Host = host;
        Port = port;
        Database = database;
        SslModeName = sslMode;
    }

    public string User { get; }
    public string Host { get; }
    public int Port { get; }
    public string Database { get; }
    public string? SslModeName { get; }

    /// <summary>The URL without its password: what status lines and error messages show.</summary>
    public string Redacted =>
        $"postgresql://{Uri.EscapeDataString(User)}@{HostText}:{Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(Database)}"
        + (SslModeName is null ? "" : "?sslmode=" + SslModeName);

    private string HostText => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    /// <summary>Parses the URL, or throws <see cref="StoreUnavailableException"/> with a reason that never quotes the URL (it may hold a password).</summary>
    public static PostgresUrl Parse(string text)
    {
        static StoreUnavailableException Bad(string reason) =>
            new($"ROBSON_DATABASE_URL is not a usable postgresql:// URL: {reason} (expected postgresql://user[:password]@host[:port]/database[?sslmode=...])");

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            throw Bad("it does not parse as a URL");
        if (!Schemes.Contains(uri.Scheme, StringComparer.Ordinal))
            throw Bad($"the scheme is '{uri.Scheme}', not postgresql");
        if (string.IsNullOrEmpty(uri.Host))
            throw Bad("no host");
        var userInfo = uri.UserInfo;
        if (userInfo.Length == 0)
            throw Bad("no user (postgresql://USER@host/database)");
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        if (user.Length == 0)
            throw Bad("no user (postgresql://USER@host/database)");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
            throw Bad("no database name (postgresql://user@host/DATABASE)");
        if (uri.Fragment.Length > 0)
            throw Bad("a #fragment has no meaning here");
        string? sslMode = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (key != "sslmode")
                throw Bad($"unsupported parameter '{key}' (only sslmode)");
            if (!SslModes.ContainsKey(value))
                throw Bad($"sslmode must be one of {string.Join(", ", SslModes.Keys)}");
            sslMode = value;
        }
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return new PostgresUrl(user, password, host, uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port, database, sslMode);
    }

    /// <summary>
    /// The Npgsql connection string. A CLI process opens one connection, no pool. A server pools them: Npgsql resets a
    /// session (DISCARD ALL) when it returns to the pool, so a tenant binding never outlives the store that made it.
    /// </summary>
    internal string ConnectionString(bool pooled = false)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = User,
            Database = Database,
            Pooling = pooled,
            NoResetOnClose = false,
            ApplicationName = "robson",
        };
        if (_password is not null) builder.Password = _password;
        if (SslModeName is not null) builder.SslMode = SslModes[SslModeName];
        return builder.ConnectionString;
    }

    public override string ToString() => Redacted;
}
