using Robson.Core.Ports;
using Robson.Venues.Paper;

namespace Robson.Venues;

/// <summary>The venues this installation knows. The paper venue is always present and is the default.</summary>
public sealed class VenueDirectory(PaperVenue paper) : IVenueDirectory
{
    public const string DefaultVenue = PaperVenue.VenueName;

    public IVenue? Find(string name) => string.Equals(name, PaperVenue.VenueName, StringComparison.OrdinalIgnoreCase) ? paper : null;
}
