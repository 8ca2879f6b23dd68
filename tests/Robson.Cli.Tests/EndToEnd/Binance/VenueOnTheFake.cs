using Robson.Cli.Tests.Support.FakeBinance;
using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Venues.Binance;

namespace Robson.Cli.Tests.EndToEnd.Binance;

/// <summary>
/// The Binance adapter itself, without the CLI, against a fake exchange: for behaviour the CLI does not show yet
/// (protective orders, OCO lists) or shows only indirectly (what is signed and sent).
/// </summary>
public sealed class VenueOnTheFake : IDisposable
{
    public static readonly ClientId Client = ClientId.From(1);

    public FakeBinanceExchange Exchange { get; } = new(BinanceFixture.ApiKey, BinanceFixture.Secret);
    public BinanceVenue Venue { get; }

    public VenueOnTheFake(int recvWindowMs = 1000)
    {
        var options = new BinanceOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(1), RetryBaseDelay = TimeSpan.FromMilliseconds(20), RecvWindowMs = recvWindowMs,
        };
        var config = new VenueConfig(Client, "bn", "binance-compatible", Exchange.BaseUrl, null, DateTimeOffset.UtcNow);
        Venue = new BinanceVenue(config, new InMemoryLimits(), TimeProvider.System, options,
            () => new BinanceCredentials(BinanceFixture.ApiKey, BinanceFixture.Secret));
    }

    public void Dispose()
    {
        Venue.Dispose();
        Assert.Empty(Exchange.ServerErrors);
        Exchange.Dispose();
    }

    /// <summary>What the adapter keeps between commands, kept in memory.</summary>
    private sealed class InMemoryLimits : IVenueLimitStore
    {
        private VenueLimitState _state = new(null, null, null, null);
        private (string, DateTimeOffset)? _exchangeInfo;

        public VenueLimitState GetVenueLimits(string baseUrl) => _state;
        public void BlockVenue(string baseUrl, DateTimeOffset until, string reason, DateTimeOffset now) => _state = _state with { BlockedUntil = until, Reason = reason };
        public void RecordUsedWeight(string baseUrl, int usedWeight, DateTimeOffset now) { }
        public (string Json, DateTimeOffset FetchedAt)? CachedExchangeInfo(string baseUrl) => _exchangeInfo;
        public void CacheExchangeInfo(string baseUrl, string json, DateTimeOffset fetchedAt) => _exchangeInfo = (json, fetchedAt);
    }
}
