using Robson.Core.Domain;
using Robson.Core.Ports;
using Robson.Core.Reporting;

namespace Robson.Core.UseCases;

/// <summary>
/// Mids for valuing positions, one book request per venue and symbol. A venue that cannot answer (removed, unreachable,
/// banned) leaves the mid unknown with the reason: a status is still worth reading without it.
/// </summary>
internal sealed class MidReader(IVenueDirectory venues, ClientId clientId)
{
    private readonly Dictionary<VenueSymbol, (decimal?, string?)> _mids = [];

    public (decimal? Mid, string? Unavailable) Mid(VenueSymbol position)
    {
        if (_mids.TryGetValue(position, out var known)) return known;
        return _mids[position] = Read(position);
    }

    private (decimal?, string?) Read(VenueSymbol position)
    {
        if (venues.Find(clientId, position.Venue) is not { } venue) return (null, $"venue '{position.Venue}' is no longer configured");
        try
        {
            return venue.GetOrderBook(position.Symbol).Mid is { } mid ? (mid, null) : (null, "the book has no bid or no ask");
        }
        catch (VenueUnavailableException e)
        {
            return (null, e.Message);
        }
    }
}
