using Robson.Core.Access;
using Robson.Core.Domain;
using Robson.Storage.Tests.Support;
using static Robson.Storage.Tests.Support.Samples;

namespace Robson.Storage.Tests.Contract;

/// <summary>API tokens: stored by hash, listed per tenant, revoked once, found by hash whatever their tenant.</summary>
public abstract class TokenStoreContract(TestDatabase database) : StoreContract(database)
{
    private static ApiToken Token(string id, ClientId? tenant = null, Role role = Role.Trader, DateTimeOffset? at = null) =>
        new(id, tenant ?? Tenant, "name of " + id, role, at ?? Noon, (at ?? Noon).AddDays(90), null);

    private static string HashOf(string id) => "hash-" + id;

    [Fact]
    public void AddToken_ThenListed_ExactlyAsAdded_OldestFirst()
    {
        var later = Token("tok-later", role: Role.Viewer, at: Noon.AddMinutes(1));
        var first = Token("tok-first", role: Role.Agent);
        var neverExpires = Token("tok-forever", at: Noon.AddMinutes(2)) with { ExpiresAt = null };
        Store.AddToken(later, HashOf(later.Id));
        Store.AddToken(first, HashOf(first.Id));
        Store.AddToken(neverExpires, HashOf(neverExpires.Id));

        Assert.Equal([first, later, neverExpires], Store.Tokens(Tenant));
    }

    [Fact]
    public void Tokens_OfAnotherTenant_AreNotListedNorRevoked()
    {
        Store.AddToken(Token("theirs", tenant: OtherTenant), HashOf("theirs"));

        Assert.Empty(Store.Tokens(Tenant));
        Assert.False(Store.RevokeToken(Tenant, "theirs", Noon));
        Assert.Null(Store.Tokens(OtherTenant).Single().RevokedAt);
    }

    [Fact]
    public void RevokeToken_Once_RecordsWhen_ASecondTimeChangesNothing()
    {
        Store.AddToken(Token("tok-1"), HashOf("tok-1"));

        Assert.True(Store.RevokeToken(Tenant, "tok-1", Noon.AddHours(1)));
        Assert.False(Store.RevokeToken(Tenant, "tok-1", Noon.AddHours(2)));
        Assert.False(Store.RevokeToken(Tenant, "unknown", Noon));

        Assert.Equal(Noon.AddHours(1), Store.Tokens(Tenant).Single().RevokedAt);
    }

    [Fact]
    public void TokenByHash_FindsAnyTenantsToken_RevokedOrNot_AndNothingForAnUnknownHash()
    {
        Store.AddToken(Token("mine"), HashOf("mine"));
        Store.AddToken(Token("theirs", tenant: OtherTenant, role: Role.Operator), HashOf("theirs"));
        Store.RevokeToken(OtherTenant, "theirs", Noon.AddHours(1));

        Assert.Equal(Token("mine"), Store.TokenByHash(HashOf("mine")));
        Assert.Equal(Token("theirs", tenant: OtherTenant, role: Role.Operator) with { RevokedAt = Noon.AddHours(1) }, Store.TokenByHash(HashOf("theirs")));
        Assert.Null(Store.TokenByHash(HashOf("nobody")));
    }

    [Fact]
    public void TwoTokens_WithOneHash_AreRefused()
    {
        Store.AddToken(Token("tok-1"), "same-hash");

        Assert.ThrowsAny<Exception>(() => Store.AddToken(Token("tok-2"), "same-hash"));
        Assert.Single(Store.Tokens(Tenant));
    }
}
