using Robson.Venues.Binance;

namespace Robson.Venues.Tests.Binance;

public sealed class CredentialLoaderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "robson-cred-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData("binance", "ROBSON_BINANCE_")]
    [InlineData("my-testnet.2", "ROBSON_MY_TESTNET_2_")]
    public void VariablePrefix_UpperCasesAndReplacesOtherCharacters(string venue, string prefix) =>
        Assert.Equal(prefix, CredentialLoader.VariablePrefix(venue));

    [Fact]
    public void Load_PrefersTheEnvironment()
    {
        var env = new Dictionary<string, string> { ["ROBSON_MAIN_API_KEY"] = "k", ["ROBSON_MAIN_API_SECRET"] = "s" };
        var credentials = CredentialLoader.Load("main", null, n => env.GetValueOrDefault(n));
        Assert.Equal("k", credentials.ApiKey);
        Assert.Equal("s", credentials.ApiSecret);
        Assert.DoesNotContain("s", credentials.ToString().Replace("BinanceCredentials", ""));
    }

    [Fact]
    public void FromFile_ReadsAnOwnerOnlyFile()
    {
        File.WriteAllText(_file, "api_key=key1\napi_secret=secret1\n");
        File.SetUnixFileMode(_file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal("key1", CredentialLoader.FromFile("main", _file).ApiKey);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.OtherWrite)]
    public void FromFile_WiderThanOwnerOnly_IsRefusedWithoutShowingTheSecret(UnixFileMode extra)
    {
        File.WriteAllText(_file, "api_key=key1\napi_secret=CANARY-SECRET\n");
        File.SetUnixFileMode(_file, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);
        var error = Assert.Throws<VenueConfigurationException>(() => CredentialLoader.FromFile("main", _file));
        Assert.Contains("chmod 600", error.Message);
        Assert.DoesNotContain("CANARY", error.Message);
    }

    [Fact]
    public void Load_WithNeitherEnvironmentNorFile_SaysWhatToSet()
    {
        var error = Assert.Throws<VenueConfigurationException>(() => CredentialLoader.Load("main", null, _ => null));
        Assert.Contains("ROBSON_MAIN_API_KEY", error.Message);
    }
}
