using Microsoft.Data.Sqlite;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>ROBSON_HOME and the store's files are the owner's alone; a home others may write to is refused.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RobsonHomeModeTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void FirstWrite_CreatesTheHome0700_AndEveryStoreFile0600()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        // Another connection keeps the WAL and shared-memory files in place while a second write appends to the WAL.
        using var reader = new SqliteConnection($"Data Source={_robson.DatabasePath};Pooling=False");
        reader.Open();
        using (var command = reader.CreateCommand()) { command.CommandText = "SELECT COUNT(*) FROM plans"; command.ExecuteScalar(); }
        _robson.Plan("1", "buy", "ETHUSDT", "0.02");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, Mode(_robson.Home));
        foreach (var file in new[] { "robson.db", "robson.db-wal", "robson.db-shm", "audit-heads" })
            Assert.Equal((file, Private), (file, Mode(Path.Combine(_robson.Home, file))));
    }

    [Fact]
    public void ExistingDatabaseReadableByOthers_IsMadePrivate()
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        File.SetUnixFileMode(_robson.DatabasePath, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _robson.Expect(0, "audit", "list", "--client-id", "1");

        Assert.Equal(Private, Mode(_robson.DatabasePath));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupWrite, "its group", "0770")]
    [InlineData(UnixFileMode.OtherWrite, "others", "0707")]
    public void HomeWritableByGroupOrOthers_IsRefused_WithOneLine_AndNothingWritten(UnixFileMode loose, string who, string octal)
    {
        _robson.Plan("1", "buy", "ETHUSDT", "0.01");
        var before = _robson.StoreBytes();
        File.SetUnixFileMode(_robson.Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | loose
                                           | (loose == UnixFileMode.GroupWrite ? UnixFileMode.GroupRead | UnixFileMode.GroupExecute : UnixFileMode.OtherRead | UnixFileMode.OtherExecute));

        foreach (var args in new[] { new[] { "plan", "buy", "ETHUSDT", "0.01", "--client-id", "1" }, ["audit", "verify", "--client-id", "1"], ["plans", "list", "--client-id", "1"] })
        {
            var run = _robson.Expect(2, args);
            Assert.Equal($"robson: ROBSON_HOME '{_robson.Home}' is writable by {who} (mode {octal}): make it private with `chmod 700 {_robson.Home}`\n", run.Stderr);
            Assert.Equal("", run.Stdout);
        }
        Assert.Equal(before, _robson.StoreBytes());
    }

    [Fact]
    public void NewHomeUnderAMissingParent_IsCreated0700()
    {
        var parent = Path.Combine(_robson.Home, "nested");
        _robson.Environment["ROBSON_HOME"] = Path.Combine(parent, "home");

        _robson.Plan("1", "buy", "ETHUSDT", "0.01");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, Mode(Path.Combine(parent, "home")));
    }
}
