using System.Text;
using FsCheck.Xunit;
using Robson.Core.Hashing;

namespace Robson.Core.Tests.Hashing;

/// <summary>The managed SHA-256 gives the platform's digest for every input: plan and audit hashes do not depend on which one ran.</summary>
public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void KnownAnswers_FromFips180(string text, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(Sha256.HashManaged(Encoding.ASCII.GetBytes(text))));

    [Fact]
    public void EveryLengthAroundTheBlockBoundaries_MatchesThePlatform()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)(i * 31 + 7)).ToArray();
        for (var length = 0; length <= data.Length; length++)
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data.AsSpan(0, length)), Sha256.HashManaged(data.AsSpan(0, length)));
    }

    [Property(MaxTest = 500)]
    public bool AnyInput_MatchesThePlatform(byte[] data) =>
        System.Security.Cryptography.SHA256.HashData(data ?? []).SequenceEqual(Sha256.HashManaged(data ?? []));

    [Fact]
    public void Hash_GivesTheSameDigest_BeforeAndAfterTheSwitchToThePlatform()
    {
        var data = Encoding.UTF8.GetBytes("a plan's canonical form");
        var expected = System.Security.Cryptography.SHA256.HashData(data);
        for (var i = 0; i < Sha256.ManagedHashesPerProcess * 2; i++)
            Assert.Equal(expected, Sha256.Hash(data));
    }
}

/// <summary>Ids come from unpredictable bytes: the requested count, and not the same twice.</summary>
public sealed class SecureRandomTests
{
    [Fact]
    public void Bytes_AreTheCountAsked_AndDifferEveryTime()
    {
        var seen = Enumerable.Range(0, 1000).Select(_ => Convert.ToHexString(SecureRandom.Bytes(8))).ToList();
        Assert.All(seen, s => Assert.Equal(16, s.Length));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
