using System.Text;
using Robson.Core.Audit;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.UseCases;
using Robson.Storage.Sqlite;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// token create / list / revoke: the secret is printed once and stored nowhere (only its SHA-256), creating and revoking
/// are audited without it, and only a token neither expired nor revoked authenticates.
/// </summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    private (string Secret, string Id) Create(string client = "1", params string[] options)
    {
        var created = _robson.Expect(0, ["token", "create", "--client-id", client, "--role", "trader", .. options, "--json"]).Json;
        return (created.GetProperty("token").GetString()!, created.GetProperty("id").GetString()!);
    }

    [Fact]
    public void Create_PrintsTheSecretOnce_WithItsIdNameRoleAndExpiry()
    {
        var created = _robson.Expect(0, "token", "create", "--client-id", "1", "--role", "agent", "--json").Json;

        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^rbs_[0-9a-f]{64}$", created.GetProperty("token").GetString());
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.Equal(1, created.GetProperty("client_id").GetInt64());
        Assert.Equal("agent-" + id, created.GetProperty("name").GetString());
        Assert.Equal("agent", created.GetProperty("role").GetString());
        Assert.Equal(Support.Robson.Start, created.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(Support.Robson.Start.AddDays(90), created.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal(["token", "id", "client_id", "name", "role", "created_at", "expires_at"], created.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Create_Human_ShowsTheSecretOnItsOwnLine_AndSaysItIsShownOnlyOnce()
    {
        var run = _robson.Expect(0, "token", "create", "--client-id", "1", "--role", "viewer", "--name", "dashboard", "--expires", "7");

        var secret = run.Stdout.Split('\n').Single(l => l.StartsWith("rbs_", StringComparison.Ordinal));
        Assert.Matches("^rbs_[0-9a-f]{64}$", secret);
        Assert.Contains("shown only once", run.Stdout);
        Assert.Contains("'dashboard' (role viewer) for client 1, expires 2026-12-02 12:00:00 UTC", run.Stdout);
    }

    [Fact]
    public void CreateListRevoke_RoundTrip_EachChangeAudited_RevokingTwiceChangesNothing()
    {
        var (_, id) = Create(options: ["--name", "ci"]);

        var listed = _robson.Expect(0, "token", "list", "--client-id", "1", "--json").Json.GetProperty("tokens").EnumerateArray().Single();
        Assert.Equal((id, "ci", "trader", "ACTIVE"), (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString(),
            listed.GetProperty("role").GetString(), listed.GetProperty("state").GetString()));
        Assert.Empty(_robson.Expect(0, "token", "list", "--client-id", "2", "--json").Json.GetProperty("tokens").EnumerateArray());

        var revoked = _robson.Expect(0, "token", "revoke", id, "--client-id", "1", "--json").Json;
        Assert.Equal("revoked", revoked.GetProperty("action").GetString());
        Assert.Equal("REVOKED", revoked.GetProperty("token").GetProperty("state").GetString());
        Assert.Contains("already revoked", _robson.Expect(0, "token", "revoke", id, "--client-id", "1").Stdout);
        Assert.Contains("REVOKED 2026-11-25 12:00:00 UTC", _robson.Expect(0, "token", "list", "--client-id", "1").Stdout);

        var events = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["TOKEN_REVOKED", "TOKEN_CREATED"], events.Select(e => e.GetProperty("kind").GetString()));
        var details = events[1].GetProperty("details");
        Assert.Equal(["expires_at", "id", "name", "role"], details.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((id, "ci", "trader", "2027-02-23T12:00:00.0000000Z"), (details.GetProperty("id").GetString(), details.GetProperty("name").GetString(),
            details.GetProperty("role").GetString(), details.GetProperty("expires_at").GetString()));
        Assert.All(events, e => Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("role").ValueKind)); // local commands have no role
        _robson.Expect(0, "audit", "verify", "--client-id", "1");
    }

    [Fact]
    public void TheSecret_IsStoredNowhere_OnlyItsHash_AndNoListingShowsEither()
    {
        var (secret, id) = Create();
        var hash = ManageTokens.HashOf(secret);
        _robson.Expect(0, "token", "revoke", id, "--client-id", "1");

        var stored = _robson.StoreBytes();
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret[4..])));
        Assert.NotEqual(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(hash)));
        foreach (var args in new[]
                 {
                     new[] { "audit", "list", "--client-id", "1", "--json" }, ["audit", "export", "--client-id", "1"],
                     ["token", "list", "--client-id", "1", "--json"], ["token", "list", "--client-id", "1"],
                 })
        {
            var stdout = _robson.Expect(0, args).Stdout;
            Assert.DoesNotContain(secret[4..], stdout);
            Assert.DoesNotContain(hash, stdout);
        }
    }

    [Fact]
    public void Authenticate_TheSecretUntilItExpiresOrIsRevoked_NeverAnotherText()
    {
        var (secret, id) = Create(options: ["--expires", "1"]);
        var (other, _) = Create(client: "2");
        using var store = SqliteStore.Open(_robson.Home, createIfMissing: false);
        var tokens = new ManageTokens(new RobsonEnvironment(store, new NoVenues(), _robson.Clock, new NoIds(), new AuditActor("t", "h", "test", "test")));
        var start = Support.Robson.Start;

        Assert.Equal((id, ClientId.From(1)), (tokens.Authenticate(secret, start)!.Id, tokens.Authenticate(secret, start)!.ClientId));
        Assert.NotNull(tokens.Authenticate(secret, start.AddDays(1).AddTicks(-1)));
        Assert.Null(tokens.Authenticate(secret, start.AddDays(1))); // expired from its expiry instant on
        Assert.Equal(ClientId.From(2), tokens.Authenticate(other, start)!.ClientId);
        Assert.Null(tokens.Authenticate(secret[..^1] + (secret[^1] == '0' ? '1' : '0'), start));
        Assert.Null(tokens.Authenticate(secret.ToUpperInvariant(), start));
        Assert.Null(tokens.Authenticate(ManageTokens.HashOf(secret), start)); // the stored hash is no credential

        _robson.Expect(0, "token", "revoke", id, "--client-id", "1");
        Assert.Null(tokens.Authenticate(secret, start));
    }

    [Theory]
    [InlineData("--role", "admin")]
    [InlineData("--role", "Trader")]
    [InlineData("--role", "trader", "--expires", "0")]
    [InlineData("--role", "trader", "--expires", "3651")]
    [InlineData("--role", "trader", "--expires", "-1")]
    [InlineData("--role", "trader", "--expires", "ten")]
    [InlineData("--role", "trader", "--name", "")]
    [InlineData("--expires", "30")]
    public void BadCreateInput_ExitsTwo_OneLine_WritesNothing(params string[] options)
    {
        var run = _robson.Run(["token", "create", "--client-id", "1", .. options]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", run.Stdout);
        Assert.False(Directory.Exists(_robson.Home));
    }

    [Fact]
    public void AnUnknownRole_IsRefused_ListingTheRoles()
    {
        var run = _robson.Run("token", "create", "--client-id", "1", "--role", "admin");

        Assert.Equal("robson: unknown role 'admin' (use trader, risk, viewer, auditor, operator, agent)\n", run.Stderr);
    }

    [Theory]
    [InlineData("1", "2")] // another tenant's token is not found, like an unknown one
    [InlineData("1", "1")]
    public void RevokingATokenTheTenantDoesNotHave_IsNotFound_AndChangesNothing(string owner, string revoker)
    {
        var (_, id) = Create(client: owner);
        var target = owner == revoker ? "0123456789ab" : id;

        var run = _robson.Run("token", "revoke", target, "--client-id", revoker, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("NOT_FOUND", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("ACTIVE", _robson.Expect(0, "token", "list", "--client-id", owner, "--json").Json.GetProperty("tokens")[0].GetProperty("state").GetString());
    }

    [Fact]
    public void RevokeGivenTheSecret_IsRefused_WithoutEchoingIt()
    {
        var (secret, _) = Create();

        var run = _robson.Run("token", "revoke", secret, "--client-id", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(secret[4..], run.Stderr);
    }

    private sealed class NoVenues : IVenueDirectory
    {
        public IVenue? Find(ClientId clientId, string name) => null;
    }

    private sealed class NoIds : IIdGenerator
    {
        public string NewId() => throw new InvalidOperationException("authentication creates nothing");
    }
}
