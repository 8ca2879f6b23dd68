namespace Robson.Core.Reporting;

/// <summary>A tenant's position on one venue and symbol, as the store keeps it.</summary>
public sealed record HeldPosition(VenueSymbol Key, Position Position);
