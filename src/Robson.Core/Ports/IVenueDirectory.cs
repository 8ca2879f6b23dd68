using Robson.Core.Domain;

namespace Robson.Core.Ports;

/// <summary>The venues a tenant's plan may name: <c>paper</c> (always there, the default) and the tenant's own.</summary>
public interface IVenueDirectory
{
    IVenue? Find(ClientId clientId, string name);
}
