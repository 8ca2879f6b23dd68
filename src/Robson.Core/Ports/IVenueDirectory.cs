namespace Robson.Core.Ports;

/// <summary>The venues a plan may name. <c>paper</c> is always there and is the default.</summary>
public interface IVenueDirectory
{
    IVenue? Find(string name);
}
