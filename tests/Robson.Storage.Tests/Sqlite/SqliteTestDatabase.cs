using Robson.Core.Ports;
using Robson.Storage.Sqlite;
using Robson.Storage.Tests.Support;

namespace Robson.Storage.Tests.Sqlite;

/// <summary>A fresh ROBSON_HOME in a temporary folder; its robson.db is created by the first store opened.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "robson-store-tests", Guid.NewGuid().ToString("N"));

    public override IRobsonStore Open() => SqliteStore.Open(_home, createIfMissing: true);

    public override void Dispose()
    {
        try { Directory.Delete(_home, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
