using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

// One POST endpoint, one durable insert per request, a small JSON answer: the floor `robson serve` is measured against.
//   --urls http://127.0.0.1:PORT   where to listen
//   --sqlite PATH                  SQLite database (created; WAL journal, the default synchronous, 30 s busy timeout,
//                                  a connection opened per request without a pool, BEGIN IMMEDIATE: as SqliteStore does)
//   --postgres URL                 PostgreSQL instead (postgresql://USER@HOST:PORT/DATABASE; Npgsql's pool, as robson serve
//                                  pools its connections)
// bench/serve.sh gives --keep-open true on SQLite (robson serve pools its connections, so the floor keeps one open too):
//   --keep-open true               SQLite: hold one connection open for the process's life, so that closing a request's
//                                  connection is never the last close (which checkpoints the WAL and deletes it: fsyncs)
//   --writer-lock true             queue writers on an in-process lock before BEGIN IMMEDIATE, instead of in SQLite's busy
//                                  handler (which sleeps 1, 2, 5 ... up to 100 ms between tries)
string? urls = null, sqlite = null, postgres = null;
bool keepOpen = false, writerLock = false;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--urls": urls = args[i + 1]; break;
        case "--sqlite": sqlite = args[i + 1]; break;
        case "--postgres": postgres = args[i + 1]; break;
        case "--keep-open": keepOpen = bool.Parse(args[i + 1]); break;
        case "--writer-lock": writerLock = bool.Parse(args[i + 1]); break;
        default: Console.Error.WriteLine($"bare-endpoint: unknown option {args[i]}"); return 2;
    }
}
if (urls is null || (sqlite is null) == (postgres is null))
{
    Console.Error.WriteLine("usage: bare-endpoint --urls URL (--sqlite PATH | --postgres URL)");
    return 2;
}

IInsert insert = sqlite is not null ? new SqliteInsert(sqlite) : new PostgresInsert(postgres!);
insert.Prepare();
using var keeper = keepOpen && insert is SqliteInsert lite ? lite.Open() : null;
var writers = new SemaphoreSlim(1, 1);

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.WebHost.UseUrls(urls);
var app = builder.Build();
app.MapPost("/insert", (RequestDelegate)(async http =>
{
    using var buffer = new MemoryStream();
    await http.Request.Body.CopyToAsync(buffer);
    if (writerLock) await writers.WaitAsync();
    long id;
    try
    {
        id = insert.Insert(DateTimeOffset.UtcNow, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
    finally
    {
        if (writerLock) writers.Release();
    }
    http.Response.StatusCode = 201;
    http.Response.ContentType = "application/json; charset=utf-8";
    await http.Response.WriteAsync($"{{\"id\":{id.ToString(CultureInfo.InvariantCulture)},\"status\":\"SUCCESS\"}}");
}));
app.MapGet("/healthz", () => "ok");
Console.Error.WriteLine($"bare-endpoint: {insert.Describe()}{(keepOpen ? ", a connection kept open" : "")}{(writerLock ? ", in-process writer lock" : "")}");
await app.RunAsync();
return 0;

internal interface IInsert
{
    void Prepare();
    long Insert(DateTimeOffset at, string body);
    string Describe();
}

internal sealed class SqliteInsert(string path) : IInsert
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    private string _synchronous = "?";

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public void Prepare()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; " +
                              "CREATE TABLE IF NOT EXISTS inserts (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, body TEXT NOT NULL)";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA synchronous";
        _synchronous = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "?";
    }

    public long Insert(DateTimeOffset at, string body)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO inserts (created_at, body) VALUES ($at, $body) RETURNING id";
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$body", body);
        var id = (long)command.ExecuteScalar()!;
        tx.Commit();
        return id;
    }

    public string Describe() => $"sqlite {path} (journal WAL, synchronous {_synchronous}, busy timeout 30000 ms, no pool)";
}

internal sealed class PostgresInsert(string url) : IInsert
{
    private readonly string _connectionString = ConnectionString(new Uri(url));

    private static string ConnectionString(Uri uri)
    {
        var user = uri.UserInfo.Split(':');
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Username = Uri.UnescapeDataString(user[0]),
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Pooling = true,
            ApplicationName = "bare-endpoint",
        };
        if (user.Length > 1) builder.Password = Uri.UnescapeDataString(user[1]);
        return builder.ConnectionString;
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public void Prepare()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS bare_inserts (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, body text NOT NULL)", connection);
        command.ExecuteNonQuery();
    }

    public long Insert(DateTimeOffset at, string body)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var command = new NpgsqlCommand("INSERT INTO bare_inserts (created_at, body) VALUES (@at, @body) RETURNING id", connection, tx);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("body", body);
        var id = (long)command.ExecuteScalar()!;
        tx.Commit();
        return id;
    }

    public string Describe() => "postgres (Npgsql's connection pool)";
}
