namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// db status / migrate on the default store, and ROBSON_DATABASE_URL refused in one line that never shows its password.
/// (The PostgreSQL side is covered by the store contract suite on a throwaway server.)
/// </summary>
public sealed class DbCommandTests : IDisposable
{
    private const string Password = "pw-never-shown";
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Status_OnANewHome_ShowsEveryMigrationPending_AndCreatesNothing()
    {
        var status = _robson.Expect(0, "db", "status", "--json").Json;

        Assert.Equal("sqlite", status.GetProperty("engine").GetString());
        Assert.Equal(_robson.DatabasePath, status.GetProperty("location").GetString());
        Assert.Equal(0, status.GetProperty("applied_version").GetInt32());
        Assert.Equal(status.GetProperty("known_version").GetInt32(), status.GetProperty("pending").GetArrayLength());
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Fact]
    public void Migrate_AppliesEveryMigrationOnce_ThenStatusIsUpToDate()
    {
        var first = _robson.Expect(0, "db", "migrate", "--json").Json;
        var second = _robson.Expect(0, "db", "migrate", "--json").Json;
        var status = _robson.Expect(0, "db", "status", "--json").Json;

        Assert.Equal(0, first.GetProperty("from_version").GetInt32());
        Assert.Equal(status.GetProperty("known_version").GetInt32(), first.GetProperty("applied").GetArrayLength());
        Assert.Equal(0, second.GetProperty("applied").GetArrayLength());
        Assert.True(status.GetProperty("up_to_date").GetBoolean());
        Assert.Contains("nothing to apply", _robson.Expect(0, "db", "migrate").Stdout);
    }

    [Theory]
    [InlineData("mysql://robson:" + Password + "@127.0.0.1/robson")]
    [InlineData("postgresql://robson:" + Password + "@127.0.0.1:5432")]
    [InlineData("postgresql://:" + Password + "@127.0.0.1/robson")]
    [InlineData("postgresql://robson:" + Password + "@127.0.0.1/robson?sslmode=sometimes")]
    [InlineData("postgresql://robson:" + Password + "@127.0.0.1/robson?options=-crobson.tenant%3Dall")]
    [InlineData("not a url " + Password)]
    public void MalformedDatabaseUrl_ExitsTwoWithOneLine_WithoutThePassword_AndWritesNothing(string url)
    {
        _robson.Environment["ROBSON_DATABASE_URL"] = url;

        foreach (var args in new[] { new[] { "db", "status" }, ["strategy", "list", "--client-id", "1"], ["plan", "buy", "BTCUSDT", "0.001", "--market", "--client-id", "1"] })
        {
            var run = _robson.Expect(2, args);
            Assert.Single(run.Stderr.TrimEnd().Split('\n'));
            Assert.StartsWith("robson: ROBSON_DATABASE_URL is not a usable postgresql:// URL", run.Stderr);
            Assert.DoesNotContain(Password, run.Stderr + run.Stdout);
        }
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Fact]
    public void UnreachableDatabase_ExitsTwo_NamingTheUrlWithoutItsPassword()
    {
        _robson.Environment["ROBSON_DATABASE_URL"] = $"postgresql://robson:{Password}@127.0.0.1:1/robson";

        var run = _robson.Expect(2, "strategy", "list", "--client-id", "1");

        Assert.StartsWith("robson: cannot connect to postgresql://robson@127.0.0.1:1/robson", run.Stderr);
        Assert.DoesNotContain(Password, run.Stderr + run.Stdout);
        Assert.False(Directory.Exists(_robson.Home));
    }
}
