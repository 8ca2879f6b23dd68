using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Venues.Binance;
using Robson.Venues.Paper;

namespace Robson.Venues;

/// <summary>
/// The venues of this installation: the paper venue, always present and the default, and each tenant's
/// Binance venues. An adapter is built only when a command names its venue. <paramref name="credentialsFor"/>
/// returns null when the command may not load credentials (anything but LIVE and reconcile).
/// </summary>
public sealed class VenueDirectory(
    PaperVenue paper, IVenueRegistry registry, IVenueLimitStore limits, TimeProvider time, BinanceOptions options,
    Func<VenueConfig, Func<BinanceCredentials>?> credentialsFor) : IVenueDirectory, IDisposable
{
    public const string DefaultVenue = PaperVenue.VenueName;

    private readonly Dictionary<(ClientId, string), BinanceVenue> _built = [];

    public IVenue? Find(ClientId clientId, string name)
    {
        if (string.Equals(name, PaperVenue.VenueName, StringComparison.OrdinalIgnoreCase)) return paper;
        if (_built.TryGetValue((clientId, name), out var built)) return built;
        if (registry.FindVenue(clientId, name) is not { } config) return null;
        var venue = new BinanceVenue(config, limits, time, options, credentialsFor(config));
        _built[(clientId, name)] = venue;
        return venue;
    }

    /// <summary>Stores what the venues learnt during a command that was not refused.</summary>
    public void Flush()
    {
        foreach (var venue in _built.Values) venue.Flush();
    }

    public void Dispose()
    {
        foreach (var venue in _built.Values) venue.Dispose();
    }
}
