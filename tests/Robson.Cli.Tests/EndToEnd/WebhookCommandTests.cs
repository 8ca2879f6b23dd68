using System.Text;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// webhook add / list / remove / dead-letters: the signing secret is printed once (and stored, for the server to sign
/// with), never listed or audited; bad URLs and event names are refused with exit 2 and nothing written.
/// </summary>
public sealed class WebhookCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    [Fact]
    public void Add_PrintsTheSecretOnce_ListShowsEverythingButIt()
    {
        var added = _robson.Expect(0, "webhook", "add", "https://hooks.example/robson?key=abc", "--client-id", "1", "--events", "halt,fill,halt", "--json").Json;

        var secret = added.GetProperty("secret").GetString()!;
        var id = added.GetProperty("id").GetString()!;
        Assert.Matches("^whsec_[0-9a-f]{64}$", secret);
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.Equal(["fill", "halt"], added.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["secret", "id", "client_id", "url", "events", "created_at"], added.EnumerateObject().Select(p => p.Name));

        var list = _robson.Expect(0, "webhook", "list", "--client-id", "1", "--json");
        var listed = list.Json.GetProperty("webhooks").EnumerateArray().Single();
        Assert.Equal((id, "https://hooks.example/robson?key=abc", 0), (listed.GetProperty("id").GetString(), listed.GetProperty("url").GetString(),
            listed.GetProperty("dead_letters").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("last_delivery_state").ValueKind);
        Assert.DoesNotContain(secret, list.Stdout);
        Assert.DoesNotContain(secret, _robson.Expect(0, "webhook", "list", "--client-id", "1").Stdout);
        Assert.Empty(_robson.Expect(0, "webhook", "list", "--client-id", "2", "--json").Json.GetProperty("webhooks").EnumerateArray());
    }

    [Fact]
    public void Human_Add_ShowsTheSecretOnItsOwnLine_AndSaysItIsShownOnlyOnce()
    {
        var run = _robson.Expect(0, "webhook", "add", "http://localhost:8080/hook", "--client-id", "1", "--events", "blocked");

        Assert.Matches("^whsec_[0-9a-f]{64}$", run.Stdout.Split('\n').Single(l => l.StartsWith("whsec_", StringComparison.Ordinal)));
        Assert.Contains("shown only once", run.Stdout);
    }

    [Fact]
    public void AddAndRemove_AreAudited_WithoutTheSecret()
    {
        var added = _robson.Expect(0, "webhook", "add", "https://hooks.example/robson?key=abc", "--client-id", "1", "--events", "fill", "--json").Json;
        var id = added.GetProperty("id").GetString()!;
        _robson.Expect(0, "webhook", "remove", id, "--client-id", "1");

        var trail = _robson.Expect(0, "audit", "export", "--client-id", "1", "--format", "jsonl").Stdout;
        var events = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["WEBHOOK_REMOVED", "WEBHOOK_ADDED"], events.Select(e => e.GetProperty("kind").GetString()));
        var details = events[1].GetProperty("details");
        Assert.Equal((id, "https://hooks.example/robson?key=abc", "fill"),
            (details.GetProperty("id").GetString(), details.GetProperty("url").GetString(), details.GetProperty("events").GetString()));
        Assert.DoesNotContain(added.GetProperty("secret").GetString()!, trail);
        Assert.Empty(_robson.Expect(0, "webhook", "list", "--client-id", "1", "--json").Json.GetProperty("webhooks").EnumerateArray());
        _robson.Expect(0, "audit", "verify", "--client-id", "1");
    }

    [Fact]
    public void Remove_OfAnotherTenant_OrTwice_IsNotFound()
    {
        var id = _robson.Expect(0, "webhook", "add", "https://hooks.example/", "--client-id", "1", "--events", "fill", "--json").Json.GetProperty("id").GetString()!;

        Assert.Contains("not found", _robson.Expect(2, "webhook", "remove", id, "--client-id", "2").ErrorLine);
        _robson.Expect(0, "webhook", "remove", id, "--client-id", "1");
        Assert.Contains("not found", _robson.Expect(2, "webhook", "remove", id, "--client-id", "1").ErrorLine);
    }

    [Theory]
    [InlineData("fill,trades", "robson: unknown webhook event 'trades' (use fill, blocked, halt, unprotected, unknown)\n")]
    [InlineData("", "robson: --events needs at least one of fill, blocked, halt, unprotected, unknown\n")]
    [InlineData("Fill", "robson: unknown webhook event 'Fill' (use fill, blocked, halt, unprotected, unknown)\n")]
    public void UnknownEvents_AreRefused_ListingTheFive_NothingWritten(string events, string error)
    {
        _robson.Expect(0, "db", "migrate");
        var before = _robson.StoreBytes();

        Assert.Equal(error, _robson.Expect(2, "webhook", "add", "https://hooks.example/", "--client-id", "1", "--events", events).ErrorLine);
        Assert.Equal(before, _robson.StoreBytes());
    }

    [Theory]
    [InlineData("hooks.example/robson", "must be an absolute http:// or https:// URL")]
    [InlineData("ftp://hooks.example/robson", "must be an absolute http:// or https:// URL")]
    [InlineData("http://hooks.example/robson", "plain http to hooks.example would send events in clear text")]
    [InlineData("https://user:pw@hooks.example/robson", "must not carry a user or password")]
    public void BadUrls_AreRefused_NothingWritten(string url, string reason)
    {
        _robson.Expect(0, "db", "migrate");
        var before = _robson.StoreBytes();

        Assert.Contains(reason, _robson.Expect(2, "webhook", "add", url, "--client-id", "1", "--events", "fill").ErrorLine);
        Assert.Equal(before, _robson.StoreBytes());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://[::1]:9000/hook")]
    [InlineData("http://localhost/hook")]
    public void PlainHttp_ToThisMachine_IsAccepted(string url) =>
        _robson.Expect(0, "webhook", "add", url, "--client-id", "1", "--events", "fill");

    [Fact]
    public void PlainHttp_ToAnotherMachine_WithInsecureHttp_IsAccepted() =>
        _robson.Expect(0, "webhook", "add", "http://hooks.example/robson", "--client-id", "1", "--events", "fill", "--insecure-http");

    [Fact]
    public void DeadLetters_NoneYet_SaysSo()
    {
        Assert.Equal("No dead letters for client 1.\n", _robson.Expect(0, "webhook", "dead-letters", "--client-id", "1").Stdout);
        Assert.Empty(_robson.Expect(0, "webhook", "dead-letters", "--client-id", "1", "--json").Json.GetProperty("dead_letters").EnumerateArray());
    }

    [Fact]
    public void TheSecret_IsStoredForSigning_AndForgottenOnRemoval()
    {
        var added = _robson.Expect(0, "webhook", "add", "https://hooks.example/", "--client-id", "1", "--events", "fill", "--json").Json;
        var secret = Encoding.UTF8.GetBytes(added.GetProperty("secret").GetString()!);
        Assert.True(_robson.StoreBytes().AsSpan().IndexOf(secret) >= 0, "the server signs with the stored secret");

        _robson.Expect(0, "webhook", "remove", added.GetProperty("id").GetString()!, "--client-id", "1");
        _robson.Expect(0, "db", "status"); // a command that closes the store checkpoints its write-ahead log
        Assert.Equal(-1, _robson.StoreBytes().AsSpan().IndexOf(secret));
    }
}
